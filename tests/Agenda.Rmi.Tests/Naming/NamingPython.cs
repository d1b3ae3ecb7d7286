namespace Agenda.Rmi.Tests.Naming;

/// <summary>Debian's Python on a script in Naming/python, or on <c>-m Pyro4.nsc</c>.</summary>
public static class NamingPython
{
    public static string ScriptDirectory { get; } = Path.Combine(TestPaths.Root, "tests", "Agenda.Rmi.Tests", "Naming", "python");

    public static Task<DebianPython.Result> Script(string script, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run([Path.Combine(ScriptDirectory, script), .. args], environment);

    /// <summary><c>python3 -m Pyro4.nsc ARGS</c>, with <paramref name="input"/> on stdin (removematching asks y/n).</summary>
    public static Task<DebianPython.Result> Nsc(IReadOnlyDictionary<string, string> environment, string input, params string[] args) =>
        Run(["-m", "Pyro4.nsc", .. args], environment, input);

    public static Task<DebianPython.Result> Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string input = "", TimeSpan? timeout = null) =>
        DebianPython.RunAsync(arguments, environment, ScriptDirectory, input, timeout ?? TimeSpan.FromSeconds(30));
}
