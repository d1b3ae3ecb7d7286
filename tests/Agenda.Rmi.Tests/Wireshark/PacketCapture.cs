using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Agenda.Rmi.Tests.Wireshark;

/// <summary>dumpcap on the loopback interface for a few TCP ports, writing a pcapng file that is complete once <see cref="StopAsync"/> returns.</summary>
internal sealed class PacketCapture : IAsyncDisposable
{
    private readonly BackgroundProcess _dumpcap;
    private readonly int _markerPort;

    private PacketCapture(BackgroundProcess dumpcap, string file, int markerPort) => (_dumpcap, File, _markerPort) = (dumpcap, file, markerPort);

    public string File { get; }

    public static async Task<PacketCapture> StartAsync(params int[] tcpPorts)
    {
        var file = Path.Combine(Path.GetTempPath(), $"agenda-pyro4-{Guid.NewGuid():N}.pcapng");
        var markerPort = FreePorts.Udp();
        var filter = string.Join(" or ", tcpPorts.Select(port => $"tcp port {port}").Append($"udp port {markerPort}"));
        var dumpcap = BackgroundProcess.Start("dumpcap", ["-i", "lo", "-f", filter, "-w", file]);
        var capture = new PacketCapture(dumpcap, file, markerPort);
        try { await dumpcap.WaitForLineAsync("Capturing on"); }
        catch { await capture.DisposeAsync(); throw; }
        return capture;
    }

    /// <summary>
    /// Stops the capture without losing its last packets. dumpcap hands packets to the file in batches (a kernel block
    /// timeout, then a periodic flush), and SIGINT drops a batch still pending. So a marker datagram is sent after the
    /// traffic and the file is polled until the marker is in it; everything sent before it is then in the file too.
    /// </summary>
    public async Task StopAsync()
    {
        var marker = Encoding.ASCII.GetBytes($"end of capture {Guid.NewGuid():N}");
        using (var udp = new UdpClient()) await udp.SendAsync(marker, new IPEndPoint(IPAddress.Loopback, _markerPort));
        await Eventually.TrueAsync(() => FileContains(marker), () => $"the end marker never reached {File}:\n{_dumpcap.Output}");
        await _dumpcap.StopAsync(BackgroundProcess.SigInt);
    }

    private bool FileContains(byte[] marker)
    {
        using var stream = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes.AsSpan().IndexOf(marker) >= 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _dumpcap.DisposeAsync();
        System.IO.File.Delete(File);
    }
}
