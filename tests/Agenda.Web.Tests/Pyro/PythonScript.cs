namespace Agenda.Web.Tests.Pyro;

/// <summary>Runs a script from Pyro/python with Debian's Python (the one with python3-pyro4 and python3-serpent).</summary>
public static class PythonScript
{
    public static string ScriptDirectory { get; } = Path.Combine(TestPaths.Root, "tests", "Agenda.Web.Tests", "Pyro", "python");

    public static Task<DebianPython.Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment,
        IEnumerable<string>? args = null, TimeSpan? timeout = null) =>
        DebianPython.RunAsync([Path.Combine(ScriptDirectory, script), .. args ?? []], environment, ScriptDirectory, timeout: timeout);
}
