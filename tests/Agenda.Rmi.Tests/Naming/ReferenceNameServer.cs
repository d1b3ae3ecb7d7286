using System.Diagnostics;
using System.Net.Sockets;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>The real thing to compare against: <c>python3 -m Pyro4.naming</c> (4.82) on a free loopback port.</summary>
public sealed class ReferenceNameServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; } = FreePorts.Tcp();

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var arg in new[] { "-m", "Pyro4.naming", "-n", "127.0.0.1", "-p", Port.ToString() }) start.ArgumentList.Add(arg);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        _process = Process.Start(start)!;
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (attempt < 100 && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
