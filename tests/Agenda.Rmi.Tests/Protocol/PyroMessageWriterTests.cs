using System.Buffers;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Protocol;

public class PyroMessageWriterTests
{
    private readonly PyroMessageReader _reader = new(1024 * 1024);

    [Theory]
    [MemberData(nameof(Captured))]
    public void RewritingACapturedMessageGivesTheSameBytes(string name, byte[] captured)
    {
        var buffer = new ReadOnlySequence<byte>(captured);
        Assert.True(_reader.TryRead(ref buffer, out var message), name);

        Assert.Equal(captured, PyroMessageWriter.ToArray(message));
    }

    public static TheoryData<string, byte[]> Captured => new()
    {
        { "connect", GoldenMessages.Connect },
        { "connectok", GoldenMessages.ConnectOk },
        { "invoke", GoldenMessages.Invoke },
        { "result", GoldenMessages.Result },
        { "ping", GoldenMessages.Ping },
    };

    [Fact]
    public void ChecksumMatchesTheWorkedExample()
    {
        Assert.Equal(0x3575, PyroMessage.Checksum(PyroMessageType.Connect, PyroFlags.MetaOnConnect, 0, 74, 1, 0));
        Assert.Equal(0x35df, PyroMessage.Checksum(PyroMessageType.ConnectOk, PyroFlags.MetaOnConnect, 0, 157, 1, 22));
    }

    [Fact]
    public void AnnotationsAreWrittenInIdOrderAndReadBack()
    {
        var annotations = new Dictionary<string, byte[]> { ["ZZZZ"] = [9], ["CORR"] = new byte[16], ["ABCD"] = [] };
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Result, PyroFlags.Batch, 65535, 2, annotations, "[]"u8.ToArray()));
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(_reader.TryRead(ref buffer, out var message));
        Assert.Equal("ABCD"u8.ToArray(), bytes[24..28]);
        Assert.Equal(["ABCD", "CORR", "ZZZZ"], message.Annotations.Keys.Order());
        Assert.Equal((ushort)65535, message.Sequence);
        Assert.Equal([9], message.Annotations["ZZZZ"]);
    }

    [Fact]
    public void OversizeAnnotationIsRefusedBySender()
    {
        var annotations = new Dictionary<string, byte[]> { ["HUGE"] = new byte[70000] };

        Assert.Throws<ArgumentException>(() => PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Result, 0, 0, 1, annotations, Array.Empty<byte>())));
    }
}
