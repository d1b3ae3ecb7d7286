using System.Diagnostics;
using System.Text;

namespace Agenda.Bench.Rest;

/// <summary>
/// bench/ConstantServer (the REST yardstick) as its own process on a free loopback port, started like Agenda.Web;
/// stopped by PID.
/// </summary>
public sealed class ConstantServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ConstantServerProcess(Process process, int port) =>
        (_process, BaseAddress) = (process, new Uri($"http://127.0.0.1:{port}/"));

    public Uri BaseAddress { get; }

    /// <summary>The path answering a constant JSON body of exactly <paramref name="size"/> bytes.</summary>
    public static string PathFor(int size) => $"constant/{size}";

    public static async Task<ConstantServerProcess> StartAsync()
    {
        var port = FreePorts.Tcp();
        var dll = TestPaths.BuiltDll(Path.Combine("bench", "ConstantServer"), "Agenda.Bench.ConstantServer");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        var server = new ConstantServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilAnsweringAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    // A real process: poll its endpoint until it answers, with a deadline.
    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited) throw new InvalidOperationException($"the constant server exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(PathFor(16))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the constant server did not answer in 30 s:\n{Log}");
    }

    private string Log { get { lock (_log) return _log.ToString(); } }
}
