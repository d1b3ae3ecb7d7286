using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Agenda.Rmi.Protocol;

/// <summary>
/// Cuts Pyro4 messages out of a byte stream. The header is validated as soon as its 24 bytes are there, so a bad tag,
/// version, checksum or an oversize length fails at once instead of waiting for a body that may never come.
/// </summary>
public sealed class PyroMessageReader(int maxMessageBytes)
{
    // Header, all big-endian (§1.1):
    //  0  4  tag "PYRO"          12 4  data size (int32)    20 2  reserved (ignored)
    //  4  2  protocol version    16 2  serializer id        22 2  checksum
    //  6  2  message type        18 2  annotations size
    //  8  2  flags
    // 10  2  sequence number
    private const int TagOffset = 0, VersionOffset = 4, TypeOffset = 6, FlagsOffset = 8, SequenceOffset = 10,
        DataSizeOffset = 12, SerializerOffset = 16, AnnotationsSizeOffset = 18, ChecksumOffset = 22;

    private static ReadOnlySpan<byte> Tag => "PYRO"u8;

    /// <summary>Largest data + annotations size accepted (the header is not counted, as in Pyro4's MAX_MESSAGE_SIZE).</summary>
    public int MaxMessageBytes { get; } = maxMessageBytes;

    /// <summary>
    /// Reads one whole message from the front of <paramref name="buffer"/> and advances it; returns false (buffer untouched)
    /// when bytes are still missing. Throws <see cref="PyroProtocolException"/> when the bytes cannot be a Pyro4 message.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out PyroMessage message)
    {
        message = default;
        if (buffer.Length < PyroMessage.HeaderSize) return false;

        Span<byte> header = stackalloc byte[PyroMessage.HeaderSize];
        buffer.Slice(0, PyroMessage.HeaderSize).CopyTo(header);
        if (!header[TagOffset..(TagOffset + 4)].SequenceEqual(Tag) ||
            BinaryPrimitives.ReadUInt16BigEndian(header[VersionOffset..]) != PyroMessage.ProtocolVersion)
            throw new PyroProtocolException("invalid data or unsupported protocol version");

        var type = (PyroMessageType)BinaryPrimitives.ReadUInt16BigEndian(header[TypeOffset..]);
        var flags = (PyroFlags)BinaryPrimitives.ReadUInt16BigEndian(header[FlagsOffset..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(header[SequenceOffset..]);
        var dataSize = BinaryPrimitives.ReadInt32BigEndian(header[DataSizeOffset..]);
        var serializerId = BinaryPrimitives.ReadUInt16BigEndian(header[SerializerOffset..]);
        var annotationsSize = BinaryPrimitives.ReadUInt16BigEndian(header[AnnotationsSizeOffset..]);
        var checksum = BinaryPrimitives.ReadUInt16BigEndian(header[ChecksumOffset..]);

        if (checksum != PyroMessage.Checksum(type, flags, sequence, dataSize, serializerId, annotationsSize))
            throw new PyroProtocolException("header checksum mismatch");
        if (dataSize < 0) throw new PyroProtocolException("invalid data or unsupported protocol version");
        if ((long)dataSize + annotationsSize > MaxMessageBytes)
            throw new PyroProtocolException($"max message size exceeded ({(long)dataSize + annotationsSize} where max={MaxMessageBytes})");
        if (type is < PyroMessageType.Connect or > PyroMessageType.Ping)
            throw new PyroProtocolException($"invalid msg type {(ushort)type} received");

        var total = PyroMessage.HeaderSize + annotationsSize + (long)dataSize;
        if (buffer.Length < total) return false;

        var annotations = ReadAnnotations(buffer.Slice(PyroMessage.HeaderSize, annotationsSize));
        var data = buffer.Slice(PyroMessage.HeaderSize + annotationsSize, dataSize).ToArray();
        message = new PyroMessage(type, flags, sequence, serializerId, annotations, data);
        buffer = buffer.Slice(total);
        return true;
    }

    // Annotation chunk (§1.6): 4 ASCII id bytes, uint16 BE length L, L value bytes; repeated until the block is used up.
    private static IReadOnlyDictionary<string, byte[]> ReadAnnotations(ReadOnlySequence<byte> block)
    {
        if (block.IsEmpty) return PyroMessage.NoAnnotations;
        var bytes = block.IsSingleSegment ? block.FirstSpan : block.ToArray();
        var annotations = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (!bytes.IsEmpty)
        {
            if (bytes.Length < 6) throw new PyroProtocolException("invalid annotation block");
            var id = IdOf(bytes[..4]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
            if (bytes.Length < 6 + length) throw new PyroProtocolException("invalid annotation block");
            annotations[id] = bytes.Slice(6, length).ToArray();
            bytes = bytes[(6 + length)..];
        }
        return annotations;
    }

    // The ids Pyro4 itself sends come back as the same strings: nearly every message carries CORR.
    private static string IdOf(ReadOnlySpan<byte> id) =>
        id.SequenceEqual("CORR"u8) ? "CORR" : id.SequenceEqual("HMAC"u8) ? "HMAC" : Encoding.ASCII.GetString(id);
}
