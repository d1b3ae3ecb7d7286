using System.Buffers;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Protocol;

/// <summary>A reply payload held in chunks signs and compresses to exactly what the same bytes in one array give.</summary>
public class SegmentedPayloadTests
{
    private static (PooledBuffer Buffer, byte[] Bytes) Payload()
    {
        var bytes = new byte[50_000];
        new Random(7).NextBytes(bytes.AsSpan(0, 25_000)); // half random, half zeros: compressible, not trivially
        var buffer = new PooledBuffer();
        buffer.Write(bytes);
        return (buffer, bytes);
    }

    [Fact]
    public void TheHmacOverChunksEqualsTheHmacOverOneArray()
    {
        var (buffer, bytes) = Payload();
        using var _ = buffer;
        var key = "secret"u8.ToArray();
        var annotations = new Dictionary<string, byte[]> { ["CORR"] = new byte[16] };

        Assert.False(buffer.Written.IsSingleSegment);
        Assert.Equal(PyroHmac.Compute(key, bytes, annotations), PyroHmac.Compute(key, buffer.Written, annotations));
        Assert.Equal(PyroHmac.Sign(key, bytes, annotations)["HMAC"], PyroHmac.Sign(key, buffer.Written, annotations)["HMAC"]);
    }

    [Fact]
    public void CompressingChunksGivesTheSameZlibStreamAsOneArray()
    {
        var (buffer, bytes) = Payload();
        using var _ = buffer;

        var (fromArray, arrayFlags) = PyroCompression.ForSending(bytes, PyroFlags.None, compress: true);
        var (fromChunks, chunkFlags) = PyroCompression.ForSending(buffer.Written, PyroFlags.None, compress: true);

        Assert.Equal(PyroFlags.Compressed, chunkFlags);
        Assert.Equal(arrayFlags, chunkFlags);
        Assert.Equal(fromArray, fromChunks.ToArray());
        Assert.Equal(bytes, PyroCompression.Decompress(fromChunks.ToArray(), bytes.Length));
    }
}
