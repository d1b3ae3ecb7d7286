namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Runs a script from Daemon/python with Debian's Python.</summary>
internal static class PythonRunner
{
    public static Task<DebianPython.Result> RunAsync(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        DebianPython.RunAsync([Path.Combine(ScriptDirectory, script), .. args], environment);

    private static string ScriptDirectory { get; } = Path.Combine(TestPaths.Root, "tests", "Agenda.Rmi.Tests", "Daemon", "python");
}
