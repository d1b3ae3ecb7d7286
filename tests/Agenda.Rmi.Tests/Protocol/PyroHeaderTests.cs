using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Protocol;

public class PyroHeaderTests
{
    [Fact]
    public void ACapturedHeaderReadsFieldByFieldWithAValidChecksum()
    {
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Invoke, PyroFlags.Compressed, 7, 1,
            PyroMessage.NoAnnotations, new byte[] { 1, 2, 3 }));

        Assert.True(PyroHeader.TryParse(bytes, out var header));
        Assert.Equal(("PYRO", (ushort)48, PyroMessageType.Invoke, PyroFlags.Compressed, (ushort)7, 3, (ushort)1),
            (header.Tag, header.Version, header.Type, header.Flags, header.Sequence, header.DataSize, header.SerializerId));
        Assert.True(header.ChecksumValid);
        Assert.Equal(27, header.MessageLength);
    }

    [Fact]
    public void ABadChecksumOrTagIsReportedNotRefused()
    {
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Ping, PyroFlags.None, 1, 2,
            PyroMessage.NoAnnotations, "pong"u8.ToArray()));
        bytes[23] ^= 0xFF;
        bytes[0] = (byte)'G';

        Assert.True(PyroHeader.TryParse(bytes, out var header));
        Assert.False(header.ChecksumValid);
        Assert.False(header.HasPyroTag);
        Assert.Equal("GYRO", header.Tag);
    }

    [Fact]
    public void FewerThan24BytesAreNoHeader() => Assert.False(PyroHeader.TryParse(new byte[23], out _));
}
