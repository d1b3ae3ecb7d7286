namespace Agenda.Rmi.Tests.Wireshark;

/// <summary>Debian's Python Pyro4 4.82 as the source of real traffic: its name server, a KLEIN_ROCHA daemon, clients.</summary>
internal static class PythonPeers
{
    private static string ScriptDirectory { get; } = Path.Combine(TestPaths.Root, "tests", "Agenda.Rmi.Tests", "Wireshark", "python");

    // Unbuffered, so readiness lines arrive while the process runs rather than when it exits.
    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra) =>
        new(extra ?? new Dictionary<string, string>()) { ["PYTHONUNBUFFERED"] = "1", ["PYTHONDONTWRITEBYTECODE"] = "1" };

    public static async Task<BackgroundProcess> StartNameServerAsync(int port)
    {
        var nameServer = BackgroundProcess.Start(DebianPython.Interpreter,
            ["-m", "Pyro4.naming", "-n", "127.0.0.1", "-p", port.ToString()], Environment(null));
        await ReadyAsync(nameServer, "URI = ");
        return nameServer;
    }

    /// <summary>python/klein_rocha_daemon.py on <paramref name="port"/>; options as the script takes them (--ns, --hmac).</summary>
    public static async Task<BackgroundProcess> StartDaemonAsync(int port, IEnumerable<string> options, IReadOnlyDictionary<string, string>? environment = null)
    {
        var daemon = BackgroundProcess.Start(DebianPython.Interpreter,
            [Path.Combine(ScriptDirectory, "klein_rocha_daemon.py"), port.ToString(), .. options], Environment(environment));
        await ReadyAsync(daemon, "ready");
        return daemon;
    }

    /// <summary>Runs a script from python/ to completion and returns what it printed; a failure fails the test.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await DebianPython.RunAsync([Path.Combine(ScriptDirectory, script), .. arguments], Environment(environment), timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Trim();
    }

    private static async Task ReadyAsync(BackgroundProcess process, string line)
    {
        try { await process.WaitForLineAsync(line); }
        catch { await process.DisposeAsync(); throw; }
    }
}
