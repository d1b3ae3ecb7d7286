using System.Buffers.Binary;
using System.Net;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Pcapng;

namespace Agenda.Rmi.Tests.Capture.Pcapng;

/// <summary>The exported file as a whole: its format, which conversations it holds, their order.</summary>
public sealed class WirePcapngFileTests : IDisposable
{
    private static readonly IPEndPoint Server = new(IPAddress.Loopback, 9095);
    private readonly PyroConversations _pyro = new();

    public void Dispose() => _pyro.Dispose();

    private WireConnectionTrace Open(int clientPort) => _pyro.Open(new IPEndPoint(IPAddress.Loopback, clientPort), Server);

    [Fact]
    public async Task CapinfosSeesAPcapngFileOfEthernetFramesWithNanosecondTimes()
    {
        _pyro.Call(Open(50000));

        var info = await Tshark.CapinfosAsync(await _pyro.ExportAsync());

        Assert.Matches(@"File type:\s+Wireshark/\.\.\. - pcapng", info);
        Assert.Matches(@"File encapsulation:\s+Ethernet", info);
        Assert.Matches(@"File timestamp precision:\s+nanoseconds \(9\)", info);
        Assert.Matches(@"Number of packets:\s+11\n", info);
        Assert.Matches(@"Capture application:\s+Agenda wire capture", info);
    }

    [Fact]
    public async Task FramesOfConversationsThatOverlapAreInTimeOrder()
    {
        var (first, second) = (Open(50000), Open(50001));
        _pyro.Call(first);
        _pyro.Call(second);
        _pyro.Call(first);
        _pyro.Close(first, WireCloser.Client);
        _pyro.Close(second, WireCloser.Server);

        var file = await _pyro.ExportAsync();
        var frames = await Tshark.FramesAsync(file);

        Assert.Matches(@"Strict time order:\s+True", await Tshark.CapinfosAsync(file));
        Assert.Equal([50000, 50000, 50000, 50001, 50001, 50001], frames.Take(6).Select(f => f.SourcePort == 9095 ? f.DestinationPort : f.SourcePort));
        var ports = frames.Where(f => f.Length > 0).Select(f => f.SourcePort == 9095 ? f.DestinationPort : f.SourcePort).Chunk(4).Select(c => c.Distinct().Single());
        Assert.Equal([50000, 50001, 50000], ports);
        Assert.Equal("", await Tshark.AnalysisProblemsAsync(file));
    }

    [Fact]
    public async Task ExportingOneConversationLeavesTheOthersOut()
    {
        var (first, second) = (Open(50000), Open(50001));
        _pyro.Call(first);
        _pyro.Call(second);

        var frames = await Tshark.FramesAsync(await _pyro.ExportAsync(second.Connection.Id));

        Assert.Equal(11, frames.Count);
        Assert.All(frames, f => Assert.Contains(50001, new[] { f.SourcePort, f.DestinationPort }));
    }

    [Fact]
    public async Task AnUnknownConversationOrAnEmptyCaptureGivesAFileWithNoFrames()
    {
        _pyro.Call(Open(50000));

        Assert.Matches(@"Number of packets:\s+0\n", await Tshark.CapinfosAsync(await _pyro.ExportAsync(conversationId: 99)));
        using var empty = new PyroConversations();
        Assert.Matches(@"Number of packets:\s+0\n", await Tshark.CapinfosAsync(await empty.ExportAsync()));
    }

    [Fact]
    public async Task TheFileIsAChainOfBlocksEachStatingItsLengthAtBothEnds()
    {
        var trace = Open(50000);
        _pyro.Call(trace, resultSize: 100_000);
        _pyro.Close(trace, WireCloser.Client);
        using var output = new MemoryStream();

        await WirePcapng.WriteAsync(output, _pyro.Capture);

        var bytes = output.ToArray();
        List<uint> types = [];
        for (var at = 0; at < bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            Assert.Equal(length, (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + length - 4)));
            types.Add(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)));
            at += length;
        }
        Assert.Equal([0x0A0D0D0Au, 1u, .. Enumerable.Repeat(6u, 16)], types);
    }

    [Fact]
    public async Task ExportingTheSameCaptureTwiceGivesTheSameBytes()
    {
        _pyro.Call(Open(50000));
        using MemoryStream once = new(), twice = new();

        await WirePcapng.WriteAsync(once, _pyro.Capture);
        await WirePcapng.WriteAsync(twice, _pyro.Capture);

        Assert.Equal(once.ToArray(), twice.ToArray());
    }
}
