using System.Diagnostics;

namespace Agenda.Tests;

/// <summary>
/// A long-running Python script (e.g. a Pyro daemon) on Debian's Python: started, awaited until it prints 'ready',
/// stopped by closing stdin (the script's cue to clean up), killed by PID if it does not exit.
/// </summary>
public sealed class PythonBackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private PythonBackgroundProcess(Process process) => _process = process;

    /// <summary>Lines printed before 'ready'.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <param name="script">Path of the script; it runs in its own folder.</param>
    /// <param name="arguments">The script's command-line arguments.</param>
    public static async Task<PythonBackgroundProcess> StartAsync(string script, IReadOnlyDictionary<string, string> environment,
        IEnumerable<string>? arguments = null)
    {
        var start = DebianPython.StartInfo([script, .. arguments ?? []], environment, Path.GetDirectoryName(script));
        var started = new PythonBackgroundProcess(Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start"));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            string? line;
            while ((line = await started._process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && line != "ready")
                started._lines.Add(line);
            if (line is null)
                throw new InvalidOperationException($"{script} exited before 'ready': {await started._process.StandardError.ReadToEndAsync()}");
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>For a script that answers requests: writes one line to its stdin and returns the line it prints back.</summary>
    public async Task<string> AskAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException($"the script exited instead of answering '{line}': {await _process.StandardError.ReadToEndAsync()}");
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
