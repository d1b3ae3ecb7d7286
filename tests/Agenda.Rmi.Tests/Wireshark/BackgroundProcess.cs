using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Agenda.Rmi.Tests.Wireshark;

/// <summary>
/// A process that runs beside a test (dumpcap, a Python name server or daemon). Its stdout and stderr lines are kept so
/// a test can await the line that says it is ready; it is stopped by its PID with a chosen signal.
/// </summary>
internal sealed class BackgroundProcess : IAsyncDisposable
{
    public const int SigInt = 2, SigTerm = 15;

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BackgroundProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => Record(null);
    }

    public int Id => _process.Id;

    public static BackgroundProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // stdin stays open: the Python scripts exit when it closes, so even a crashed test run leaves no orphans.
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var started = new BackgroundProcess(start);
        started._process.Start();
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits until a line starting with <paramref name="prefix"/> has been printed.</summary>
    public async Task WaitForLineAsync(string prefix)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_lines)
            {
                if (_lines.Any(line => line.StartsWith(prefix, StringComparison.Ordinal))) return;
                if (_process.HasExited) throw new InvalidOperationException($"{_process.StartInfo.FileName} exited before '{prefix}':\n{Output}");
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no '{prefix}' from {_process.StartInfo.FileName}:\n{Output}"); }
        }
    }

    public string Output { get { lock (_lines) return string.Join('\n', _lines); } }

    /// <summary>Sends <paramref name="signal"/> to the process and waits for it to exit (killing it if it lingers).</summary>
    public async Task StopAsync(int signal)
    {
        if (_process.HasExited) return;
        _ = Kill(_process.Id, signal);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(SigTerm);
        _process.Dispose();
    }

    private void Record(string? line)
    {
        TaskCompletionSource changed;
        lock (_lines)
        {
            if (line is not null) _lines.Add(line);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    // Process.Kill only sends SIGKILL; dumpcap must get SIGINT/SIGTERM to finish its file.
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
