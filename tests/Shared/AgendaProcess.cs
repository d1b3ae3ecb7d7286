using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace Agenda.Tests;

/// <summary>
/// The real Agenda process (the built Agenda.Web.dll, started like <c>dotnet run --project Agenda.Web</c>) on free
/// loopback ports with a fresh data directory. Stopped, by PID, when disposed.
/// </summary>
public sealed class AgendaProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private bool _ownsDataDirectory;

    private AgendaProcess(Process process, string dataDirectory, int httpPort, int nameServerPort, int daemonPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        HttpPort = httpPort;
        NameServerPort = nameServerPort;
        DaemonPort = daemonPort;
    }

    public string DataDirectory { get; }
    public int HttpPort { get; }
    public int NameServerPort { get; }
    public int DaemonPort { get; }
    public int ProcessId => _process.Id;
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Environment for Python clients: Pyro4's own configuration pointing at this process's name server.</summary>
    public IReadOnlyDictionary<string, string> PyroEnvironment => new Dictionary<string, string>
    {
        ["PYRO_NS_HOST"] = "127.0.0.1",
        ["PYRO_NS_PORT"] = NameServerPort.ToString(),
    };

    /// <summary>The URI of one of this process's own Pyro objects, straight at its daemon, bypassing any name server.</summary>
    public string ObjectUri(string name) => $"PYRO:{name}@127.0.0.1:{DaemonPort}";

    /// <param name="settings">Extra configuration as environment variables (<c>Section__Key</c>).</param>
    /// <param name="dll">Another build of Agenda.Web.dll (the benchmark's baseline); the one built beside the tests by default.</param>
    public static async Task<AgendaProcess> StartAsync(string? dataDirectory = null,
        IReadOnlyDictionary<string, string>? settings = null, string? dll = null)
    {
        var owned = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "agenda-process", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dataDirectory);
        var (http, ns, daemon) = (FreePorts.Tcp(), FreePorts.Tcp(), FreePorts.Tcp());
        var start = new ProcessStartInfo("dotnet", [dll ?? TestPaths.AgendaWebDll, "--urls", $"http://127.0.0.1:{http}"])
        {
            WorkingDirectory = TestPaths.AgendaWebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Agenda"] = $"Data Source={Path.Combine(dataDirectory, "agenda.db")}",
                ["Rmi__NameServerPort"] = ns.ToString(),
                ["Rmi__DaemonPort"] = daemon.ToString(),
                ["Rmi__BroadcastPort"] = "0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var agenda = new AgendaProcess(process, dataDirectory, http, ns, daemon) { _ownsDataDirectory = owned };
        process.OutputDataReceived += (_, e) => agenda.Append(e.Data);
        process.ErrorDataReceived += (_, e) => agenda.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try { await agenda.WaitUntilHealthyAsync(); }
        catch
        {
            await agenda.DisposeAsync(); // a process that never became healthy must not outlive the test that started it
            throw;
        }
        return agenda;
    }

    /// <summary>Kills the process at once, as a crash would: no shutdown code runs.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the process as an operator or systemd does, with SIGTERM: the host shuts down gracefully. Returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited && Kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    // Process.Kill only sends SIGKILL.
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await CrashAsync();
        _process.Dispose();
        // A directory the caller passed in is theirs (a test restarting on the same data); one made here is removed.
        if (_ownsDataDirectory)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { } // best effort: a leftover temp folder must not fail a test
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Agenda exited with {_process.ExitCode}:\n{Log}");
            try
            {
                // "Healthy", not only 200: on PostgreSQL, a Degraded instance is not yet hearing the others' writes.
                var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "Healthy") return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Agenda did not become healthy in 60 s:\n{Log}");
    }
}
