using System.Buffers;
using System.Buffers.Binary;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Daemon;

public class PyroDoctorTests
{
    private static readonly PyroDaemon Daemon = new("objects", "127.0.0.1", 9095, new PyroDaemonOptions { MaxMessageBytes = 1000 });

    private static (PyroProblem, string) Framing(byte[] bytes) =>
        PyroDoctor.Framing(new ReadOnlySequence<byte>(bytes), new PyroProtocolException("refused"), Daemon);

    private static byte[] Ping(int dataSize = 4)
    {
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Ping, PyroFlags.None, 1, 1, PyroMessage.NoAnnotations, new byte[dataSize]));
        return bytes;
    }

    [Fact]
    public void APyro5ClientIsToldItSpeaksAnotherProtocolVersion()
    {
        var bytes = Ping();
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), 502);
        Assert.Equal((PyroProblem.ProtocolVersion, "client speaks Pyro protocol version 502 (Pyro5); Agenda speaks Pyro4's version 48: call it with Pyro4"),
            Framing(bytes));
    }

    [Fact]
    public void ABadChecksumNamesTheExpectedValue()
    {
        var bytes = Ping();
        bytes[23] ^= 1;
        var (problem, text) = Framing(bytes);
        Assert.Equal(PyroProblem.Checksum, problem);
        Assert.Contains($"should be 0x{BinaryPrimitives.ReadUInt16BigEndian(Ping().AsSpan(22)):x4}", text);
    }

    [Fact]
    public void AMessageOverTheLimitNamesTheSetting() =>
        Assert.Equal((PyroProblem.TooLarge, "client sent a message of 5,000 bytes; Rmi:MaxMessageBytes is 1,000: raise it, or send less per call"),
            Framing(Ping(5000)[..24]));

    [Fact]
    public void ATlsClientIsRecognised()
    {
        var (problem, text) = Framing([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]);
        Assert.Equal(PyroProblem.NotPyro, problem);
        Assert.Equal("client sent 6 bytes that are not a Pyro4 message (they start 160301020001); it looks like a TLS handshake: Pyro4 here speaks plain TCP", text);
    }

    [Fact]
    public void HmacTroubleSaysWhichSideHasNoKeyAndNeverTheKey()
    {
        var keyed = new PyroDaemon("objects", "127.0.0.1", 9095, new PyroDaemonOptions { HmacKey = "s3cret"u8.ToArray() });
        var unsigned = new PyroMessage(PyroMessageType.Invoke, PyroFlags.None, 1, 1, PyroMessage.NoAnnotations, Array.Empty<byte>());
        var signed = unsigned with { Annotations = new Dictionary<string, byte[]> { ["HMAC"] = new byte[20] } };

        Assert.StartsWith("client sent no HMAC, but Rmi:HmacKey is set", PyroDoctor.Hmac(keyed, unsigned));
        Assert.StartsWith("client signs its messages with an HMAC key, but Rmi:HmacKey is not set", PyroDoctor.Hmac(Daemon, signed));
        Assert.Equal("client's HMAC does not match: its key differs from Rmi:HmacKey", PyroDoctor.Hmac(keyed, signed));
    }
}
