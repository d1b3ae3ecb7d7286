using System.Diagnostics;
using System.Net;
using System.Text;

namespace Agenda.Web.Tests.Hosting;

/// <summary>
/// One run of an Agenda.Web.dll as an operator starts it: from any working directory, configured by environment
/// variables and arguments, on free loopback ports for Pyro and a fresh database. Killed, by PID, when disposed.
/// </summary>
public sealed class AgendaRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _dataDirectory;

    private AgendaRun(Process process, string dataDirectory) => (_process, _dataDirectory) = (process, dataDirectory);

    public int NameServerPort { get; private init; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <param name="settings">Configuration as environment variables (<c>Section__Key</c>), added to the defaults here.</param>
    public static AgendaRun Start(string dll, string workingDirectory, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("agenda-run").FullName;
        var nameServerPort = FreePorts.Tcp();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Agenda"] = $"Data Source={Path.Combine(dataDirectory, "agenda.db")}";
        start.Environment["Rmi__NameServerPort"] = nameServerPort.ToString();
        start.Environment["Rmi__DaemonPort"] = FreePorts.Tcp().ToString();
        start.Environment["Rmi__BroadcastPort"] = "0";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var run = new AgendaRun(process, dataDirectory) { NameServerPort = nameServerPort };
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, and returns the body.</summary>
    public async Task<string> GetWhenUpAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (_process.HasExited) throw new InvalidOperationException($"Agenda exited with {_process.ExitCode}:\n{Log}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        throw new TimeoutException($"{url} did not answer 200 in {Patience.TotalSeconds} s:\n{Log}");
    }

    /// <summary>Polls the log until it holds <paramref name="text"/> (the console logger writes in the background).</summary>
    public async Task WaitForLogAsync(string text)
    {
        for (var deadline = DateTime.UtcNow + Patience; !Log.Contains(text); await Task.Delay(100))
            if (DateTime.UtcNow > deadline || _process.HasExited) throw new TimeoutException($"no \"{text}\" in the log:\n{Log}");
    }

    /// <summary>Waits for a run that should refuse to start, and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try { await _process.WaitForExitAsync(patience.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"Agenda did not exit in {Patience.TotalSeconds} s:\n{Log}"); }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { } // best effort: a leftover temp folder must not fail a test
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
