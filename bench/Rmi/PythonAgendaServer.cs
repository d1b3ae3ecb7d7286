using System.Diagnostics;

namespace Agenda.Bench.Rmi;

/// <summary>bench/python/agenda_dict_server.py: the original agenda's design on Debian's Pyro4 4.82. Stopped by PID.</summary>
public sealed class PythonAgendaServer : IAsyncDisposable
{
    private readonly Process _process;

    private PythonAgendaServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public static async Task<PythonAgendaServer> StartAsync()
    {
        var port = FreePorts.Tcp();
        var start = DebianPython.StartInfo([Path.Combine(TestPaths.Root, "bench", "python", "agenda_dict_server.py"), port.ToString()]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "READY")
            throw new InvalidOperationException($"the Python agenda server failed: {await process.StandardError.ReadToEndAsync()}");
        return new PythonAgendaServer(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
