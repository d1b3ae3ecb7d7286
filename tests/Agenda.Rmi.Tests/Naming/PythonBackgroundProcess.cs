using System.Diagnostics;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>A long-running Python script (e.g. a Pyro daemon): started, awaited until it prints 'ready', stopped by closing stdin.</summary>
public sealed class PythonBackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private PythonBackgroundProcess(Process process) => _process = process;

    /// <summary>Lines printed before 'ready'.</summary>
    public IReadOnlyList<string> Lines => _lines;

    public static async Task<PythonBackgroundProcess> StartAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            WorkingDirectory = NamingPython.ScriptDirectory,
        };
        start.ArgumentList.Add(Path.Combine(NamingPython.ScriptDirectory, script));
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var started = new PythonBackgroundProcess(Process.Start(start)!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await started._process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && line != "ready")
            started._lines.Add(line);
        if (started._process.HasExited)
            throw new InvalidOperationException($"{script} exited: {await started._process.StandardError.ReadToEndAsync()}");
        return started;
    }

    /// <summary>Closes stdin (the script's cue to clean up and exit) and waits; kills it if it hangs.</summary>
    public async Task<int> StopAsync()
    {
        if (_process.HasExited) return _process.ExitCode;
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
