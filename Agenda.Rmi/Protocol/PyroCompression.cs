using System.Buffers;
using System.IO.Compression;

namespace Agenda.Rmi.Protocol;

/// <summary>The COMPRESSED flag's zlib stream (RFC 1950, what Python's <c>zlib.compress</c> writes), payload only (§1.10).</summary>
public static class PyroCompression
{
    /// <summary>Like Python's sender: payloads under 200 bytes are never worth it.</summary>
    public const int MinimumSize = 200;

    /// <summary>A payload about to be sent: compressed (and flagged) when asked for and it actually shrinks.</summary>
    public static (byte[] Payload, PyroFlags Flags) ForSending(byte[] payload, PyroFlags flags, bool compress)
    {
        if (!compress || payload.Length < MinimumSize) return (payload, flags);
        var compressed = Compress(payload);
        return compressed.Length < payload.Length ? (compressed, flags | PyroFlags.Compressed) : (payload, flags);
    }

    /// <summary>As the array overload, for a payload held in pieces (a reply); a compressed one is a new array.</summary>
    public static (ReadOnlySequence<byte> Payload, PyroFlags Flags) ForSending(in ReadOnlySequence<byte> payload, PyroFlags flags, bool compress)
    {
        if (!compress || payload.Length < MinimumSize) return (payload, flags);
        var compressed = Compress(payload);
        return compressed.Length < payload.Length ? (new(compressed), flags | PyroFlags.Compressed) : (payload, flags);
    }

    /// <summary>
    /// A received message's payload as the serializer reads it: inflated when the message says it is compressed, else
    /// the message's own bytes (not copied: the reader already copied them out of the connection's buffer).
    /// </summary>
    public static ReadOnlyMemory<byte> PayloadOf(in PyroMessage message, int maxBytes) =>
        message.Has(PyroFlags.Compressed) ? Decompress(message.Data, maxBytes) : message.Data;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }

    // zlib's fastest level cuts its blocks where the writes end, so a payload fed in pieces would compress to other
    // (equally valid) bytes; one piece keeps the reply byte for byte what it was. Only clients that ask pay the copy.
    public static byte[] Compress(in ReadOnlySequence<byte> data) =>
        data.IsSingleSegment ? Compress(data.FirstSpan) : Compress(data.ToArray());

    /// <summary>Inflates at most <paramref name="maxBytes"/>, so a small compressed bomb cannot exhaust memory.</summary>
    public static byte[] Decompress(ReadOnlyMemory<byte> data, int maxBytes)
    {
        using var input = new MemoryStream(data.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = zlib.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBytes) throw new PyroProtocolException($"max message size exceeded (decompressed data over {maxBytes})");
                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new PyroProtocolException("invalid compressed data: " + e.Message);
        }
        return output.ToArray();
    }
}
