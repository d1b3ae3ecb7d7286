using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Wireshark;

/// <summary>
/// tools/wireshark/pyro4.lua against traffic captured from Debian's Python Pyro4 4.82 (dumpcap on lo, then tshark).
/// The Python daemons listen on random ports, so every capture also exercises the heuristic registration.
/// </summary>
public sealed class Pyro4DissectorTests
{
    private const string Good = "1", Bad = "0"; // pyro4.checksum.status values

    private static readonly string[] Summary = ["pyro4.type", "pyro4.seq", "pyro4.object", "pyro4.method", "pyro4.checksum.status"];

    [Fact]
    public async Task TheOriginalAgendaFlowDecodesAsLookupThenInserirWithValidChecksums()
    {
        int nameServerPort = FreePorts.Tcp(), daemonPort = FreePorts.Tcp();
        await using var nameServer = await PythonPeers.StartNameServerAsync(nameServerPort);
        await using var daemon = await PythonPeers.StartDaemonAsync(daemonPort, ["--ns", $"127.0.0.1:{nameServerPort}"]);
        await using var capture = await PacketCapture.StartAsync(nameServerPort, daemonPort);

        Assert.Equal("0", await PythonPeers.RunAsync("agenda_client.py", ["--ns", $"127.0.0.1:{nameServerPort}"]));
        await capture.StopAsync();

        var rows = await Tshark.FieldsAsync(capture.File, "pyro4", [.. Summary, "pyro4.payload"]);
        // locateNS(host) binds at once; the lookup is the proxy's first call; Proxy(uri) connects on inserir.
        Assert.Equal(
            [
                "CONNECT seq=0 Pyro.NameServer", "CONNECTOK seq=0", "INVOKE seq=1 Pyro.NameServer.lookup", "RESULT seq=1",
                "CONNECT seq=0 KLEIN_ROCHA", "CONNECTOK seq=0", "INVOKE seq=1 KLEIN_ROCHA.inserir", "RESULT seq=1",
            ],
            rows.Select(Describe));
        Assert.All(rows, row => Assert.Equal(Good, row[4]));
        var inserir = rows[6][5];
        foreach (var field in new[] { "'FirstName':'Klein'", "'SecondName':'Rocha'", "'PhoneNumber':'69 984059615'", "'Email':'klein@example.com'" })
            Assert.Contains(field, inserir);
    }

    [Fact]
    public async Task AConnectWrittenOneBytePerSegmentDecodesAsOneConnect()
    {
        var daemonPort = FreePorts.Tcp();
        await using var daemon = await PythonPeers.StartDaemonAsync(daemonPort, []);
        await using var capture = await PacketCapture.StartAsync(daemonPort);

        var connectSize = int.Parse(await PythonPeers.RunAsync("raw_client.py", [daemonPort.ToString(), "bytewise"]));
        await capture.StopAsync();

        var sent = await Tshark.FieldsAsync(capture.File, $"tcp.dstport == {daemonPort} && tcp.len > 0", "tcp.len");
        Assert.Equal(Enumerable.Repeat("1", connectSize), sent.Select(row => row[0]));
        var rows = await Tshark.FieldsAsync(capture.File, "pyro4", [.. Summary, "tcp.len", "tcp.segment.count"]);
        Assert.Equal(["CONNECT seq=0 KLEIN_ROCHA", "CONNECTOK seq=0"], rows.Select(Describe));
        Assert.Equal(["1", connectSize.ToString()], rows[0][5..]);
    }

    [Fact]
    public async Task TwoInvokesInOneSegmentAreBothDecoded()
    {
        var daemonPort = FreePorts.Tcp();
        await using var daemon = await PythonPeers.StartDaemonAsync(daemonPort, []);
        await using var capture = await PacketCapture.StartAsync(daemonPort);

        var invokeSizes = (await PythonPeers.RunAsync("raw_client.py", [daemonPort.ToString(), "pipelined"])).Split(' ').Select(int.Parse);
        await capture.StopAsync();

        var rows = await Tshark.FieldsAsync(capture.File, "pyro4", [.. Summary, "tcp.len"]);
        Assert.Equal(
            ["CONNECT seq=0 KLEIN_ROCHA", "CONNECTOK seq=0", "INVOKE seq=1 KLEIN_ROCHA.inserir | INVOKE seq=2 KLEIN_ROCHA.inserir", "RESULT seq=1", "RESULT seq=2"],
            rows.Select(Describe));
        Assert.Equal(invokeSizes.Sum().ToString(), rows[2][5]);
    }

    [Fact]
    public async Task ACorruptedChecksumGetsAnExpertWarningAndBadStatus()
    {
        var daemonPort = FreePorts.Tcp();
        await using var daemon = await PythonPeers.StartDaemonAsync(daemonPort, []);
        await using var capture = await PacketCapture.StartAsync(daemonPort);

        await PythonPeers.RunAsync("raw_client.py", [daemonPort.ToString(), "badsum"]);
        await capture.StopAsync();

        var rows = await Tshark.FieldsAsync(capture.File, "pyro4", [.. Summary, "pyro4.reason"]);
        Assert.Equal(["CONNECT seq=0 KLEIN_ROCHA", "CONNECTFAIL seq=0"], rows.Select(Describe));
        Assert.Equal([Bad, Good], rows.Select(row => row[4]));
        Assert.Equal("header checksum mismatch", rows[1][5]);
        var warned = await Tshark.FieldsAsync(capture.File, "pyro4.checksum.bad", "pyro4.type", "_ws.expert.message");
        Assert.Equal(["1", "Bad Pyro4 header checksum"], Assert.Single(warned));
    }

    [Fact]
    public async Task HmacSignedMessagesShowTheirHmacAnnotation()
    {
        var daemonPort = FreePorts.Tcp();
        await using var daemon = await PythonPeers.StartDaemonAsync(daemonPort, ["--hmac", "agenda-key"]);
        await using var capture = await PacketCapture.StartAsync(daemonPort);

        Assert.Equal("0", await PythonPeers.RunAsync("agenda_client.py", ["--uri", $"PYRO:KLEIN_ROCHA@127.0.0.1:{daemonPort}", "--hmac", "agenda-key"]));
        await capture.StopAsync();

        // HMAC-SHA1: 20 bytes; replies also carry the 16-byte correlation id.
        var rows = await Tshark.FieldsAsync(capture.File, "pyro4", "pyro4.type", "pyro4.annotation.key", "pyro4.annotation.length", "pyro4.checksum.status");
        Assert.Equal(
            ["CONNECT HMAC 20 1", "CONNECTOK CORR,HMAC 16,20 1", "INVOKE HMAC 20 1", "RESULT CORR,HMAC 16,20 1"],
            rows.Select(row => string.Join(' ', [TypeName(row[0]), .. row[1..]])));
    }

    [Fact]
    public async Task ACompressedInvokeShowsTheFlagAndTheInflatedPayload()
    {
        var compression = new Dictionary<string, string> { ["PYRO_COMPRESSION"] = "true" };
        var daemonPort = FreePorts.Tcp();
        await using var daemon = await PythonPeers.StartDaemonAsync(daemonPort, [], compression);
        await using var capture = await PacketCapture.StartAsync(daemonPort);

        // Python compresses payloads of 200 bytes or more, so only the INVOKE with its long notes is compressed.
        var uri = $"PYRO:KLEIN_ROCHA@127.0.0.1:{daemonPort}";
        Assert.Equal("0", await PythonPeers.RunAsync("agenda_client.py", ["--uri", uri, "--notes", "100"], compression));
        await capture.StopAsync();

        var rows = await Tshark.FieldsAsync(capture.File, "pyro4",
            "pyro4.type", "pyro4.flags.compressed", "pyro4.method", "pyro4.datasize", "pyro4.payload.inflated_size", "pyro4.payload");
        Assert.Equal(["CONNECT 0", "CONNECTOK 0", "INVOKE 1", "RESULT 0"], rows.Select(row => $"{TypeName(row[0])} {row[1]}"));
        var invoke = rows[2];
        Assert.Equal("inserir", invoke[2]);
        Assert.True(int.Parse(invoke[3]) < int.Parse(invoke[4]), $"{invoke[3]} bytes on the wire, {invoke[4]} inflated");
        Assert.Contains("'Email':'klein@example.com','Notes':'anotacao anotacao ", invoke[5]);
        Assert.EndsWith("anotacao '},),{})", invoke[5]);
    }

    private static string TypeName(string type) => ((PyroMessageType)ushort.Parse(type)).ToString().ToUpperInvariant();

    /// <summary>A frame as the dissector's Info column puts it: "INVOKE seq=1 KLEIN_ROCHA.inserir", messages joined by " | ".</summary>
    private static string Describe(string[] row)
    {
        string[] types = row[0].Split(','), seqs = row[1].Split(','), objects = row[2].Split(','), methods = row[3].Split(',');
        return string.Join(" | ", types.Select((type, i) =>
        {
            var target = string.Join('.', new[] { At(objects, i), At(methods, i) }.Where(part => part != ""));
            return $"{TypeName(type)} seq={seqs[i]}" + (target == "" ? "" : " " + target);
        }));
    }

    private static string At(string[] values, int index) => index < values.Length ? values[index] : "";
}
