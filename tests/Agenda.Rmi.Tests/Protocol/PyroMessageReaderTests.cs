using System.Buffers;
using System.Text;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Protocol;

public class PyroMessageReaderTests
{
    private readonly PyroMessageReader _reader = new(maxMessageBytes: 1024 * 1024);

    [Fact]
    public void CapturedConnectIsReadWithItsHeaderFields()
    {
        var message = ReadOne(GoldenMessages.Connect);

        Assert.Equal(PyroMessageType.Connect, message.Type);
        Assert.Equal(PyroFlags.MetaOnConnect, message.Flags);
        Assert.Equal(0, message.Sequence);
        Assert.Equal(1, message.SerializerId);
        Assert.Empty(message.Annotations);
        Assert.Equal("# serpent utf-8 python3.2\n{'handshake':'hello','object':'Pyro.NameServer'}", Encoding.UTF8.GetString(message.Data.Span));
    }

    [Fact]
    public void CapturedConnectOkCarriesTheCorrelationAnnotation()
    {
        var message = ReadOne(GoldenMessages.ConnectOk);

        Assert.Equal(PyroMessageType.ConnectOk, message.Type);
        Assert.Equal(157, message.Data.Length);
        Assert.Equal(Convert.FromHexString("ffd12b570f41448ca372b9e29a5e9f19"), message.Annotations["CORR"]);
    }

    [Fact]
    public void CapturedInvokeAndResultKeepTheirSequenceNumber()
    {
        var invoke = ReadOne(GoldenMessages.Invoke);
        var result = ReadOne(GoldenMessages.Result);

        Assert.Equal((PyroMessageType.Invoke, (ushort)1), (invoke.Type, invoke.Sequence));
        Assert.Equal((PyroMessageType.Result, (ushort)1), (result.Type, result.Sequence));
        Assert.EndsWith("'127.0.0.1',9090)}", Encoding.UTF8.GetString(result.Data.Span));
    }

    [Fact]
    public void CapturedPingUsesSerializerFortyTwo()
    {
        var ping = ReadOne(GoldenMessages.Ping);

        Assert.Equal((PyroMessageType.Ping, (ushort)42), (ping.Type, ping.SerializerId));
        Assert.Equal("ping"u8.ToArray(), ping.Data.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(30)]
    public void MessageSplitAcrossSegmentsIsReadWhole(int segmentSize)
    {
        var stream = GoldenMessages.ConnectOk.Concat(GoldenMessages.Result).ToArray();
        var buffer = Segments.Of(stream, segmentSize);

        Assert.True(_reader.TryRead(ref buffer, out var first));
        Assert.True(_reader.TryRead(ref buffer, out var second));
        Assert.True(buffer.IsEmpty);
        Assert.Equal(GoldenMessages.ConnectOk.AsSpan(^157..).ToArray(), first.Data.ToArray());
        Assert.Equal(PyroMessageType.Result, second.Type);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(97)]
    public void TruncatedMessageReturnsFalseAndLeavesTheBuffer(int length)
    {
        var buffer = Segments.Of(GoldenMessages.Connect[..length], 7);

        Assert.False(_reader.TryRead(ref buffer, out _));
        Assert.Equal(length, buffer.Length);
    }

    [Fact]
    public void BadTagThrowsBeforeTheBodyArrives()
    {
        var bytes = GoldenMessages.Connect[..24];
        bytes[0] = (byte)'X';

        var error = Assert.Throws<PyroProtocolException>(() => ReadOne(bytes));
        Assert.Equal("invalid data or unsupported protocol version", error.Message);
    }

    [Fact]
    public void OtherProtocolVersionIsRefused()
    {
        var bytes = GoldenMessages.Connect[..24];
        bytes[5] = 47;

        Assert.Equal("invalid data or unsupported protocol version", Assert.Throws<PyroProtocolException>(() => ReadOne(bytes)).Message);
    }

    [Fact]
    public void BadChecksumThrowsBeforeTheBodyArrives()
    {
        var bytes = GoldenMessages.Connect[..24];
        bytes[23] ^= 1;

        Assert.Equal("header checksum mismatch", Assert.Throws<PyroProtocolException>(() => ReadOne(bytes)).Message);
    }

    [Fact]
    public void DeclaredSizeOverTheLimitThrowsBeforeTheBodyArrives()
    {
        var header = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Invoke, 0, 3, 1, PyroMessage.NoAnnotations, new byte[2000]))[..24];
        var small = new PyroMessageReader(maxMessageBytes: 1000);
        var buffer = new ReadOnlySequence<byte>(header);

        var error = Assert.Throws<PyroProtocolException>(() => small.TryRead(ref buffer, out _));
        Assert.Equal("max message size exceeded (2000 where max=1000)", error.Message);
    }

    [Fact]
    public void NegativeDataSizeIsRefused()
    {
        var bytes = GoldenMessages.Ping[..24];
        bytes[12] = 0xFF; // data size becomes negative; fix the checksum so only the size is wrong
        var checksum = PyroMessage.Checksum(PyroMessageType.Ping, 0, 0, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12)), 42, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(22), checksum);

        Assert.Throws<PyroProtocolException>(() => ReadOne(bytes));
    }

    [Fact]
    public void UnknownMessageTypeIsRefused()
    {
        var bytes = PyroMessageWriter.ToArray(new PyroMessage((PyroMessageType)9, 0, 0, 1, PyroMessage.NoAnnotations, "x"u8.ToArray()));

        Assert.Equal("invalid msg type 9 received", Assert.Throws<PyroProtocolException>(() => ReadOne(bytes)).Message);
    }

    [Fact]
    public void AnnotationChunkRunningPastItsBlockIsRefused()
    {
        var annotations = new Dictionary<string, byte[]> { ["XTRA"] = [1, 2, 3] };
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Invoke, 0, 0, 1, annotations, "x"u8.ToArray()));
        bytes[24 + 5] = 200; // the chunk now claims 200 value bytes inside a 9-byte block

        Assert.Equal("invalid annotation block", Assert.Throws<PyroProtocolException>(() => ReadOne(bytes)).Message);
    }

    private PyroMessage ReadOne(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(_reader.TryRead(ref buffer, out var message));
        Assert.True(buffer.IsEmpty);
        return message;
    }
}
