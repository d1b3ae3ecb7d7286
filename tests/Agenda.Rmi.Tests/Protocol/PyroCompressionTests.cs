using System.IO.Compression;
using System.Text;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Protocol;

public class PyroCompressionTests
{
    [Fact]
    public void CompressedPayloadIsAZlibStreamThatRoundTrips()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("agenda ", 100)));

        var compressed = PyroCompression.Compress(data);

        Assert.Equal(0x78, compressed[0]);
        Assert.True(compressed.Length < data.Length);
        Assert.Equal(data, PyroCompression.Decompress(compressed, 10_000));
    }

    [Fact]
    public void DecompressingPastTheLimitIsRefused()
    {
        var bomb = PyroCompression.Compress(new byte[100_000]);

        Assert.Throws<PyroProtocolException>(() => PyroCompression.Decompress(bomb, 50_000));
    }

    [Fact]
    public void GarbageIsAProtocolError()
    {
        Assert.Throws<PyroProtocolException>(() => PyroCompression.Decompress(new byte[] { 1, 2, 3, 4, 5 }, 1000));
    }

    [Fact]
    public void StreamWrittenAtAnotherCompressionLevelIsAccepted()
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize)) zlib.Write("hello"u8);

        Assert.Equal("hello"u8.ToArray(), PyroCompression.Decompress(output.ToArray(), 100));
    }
}
