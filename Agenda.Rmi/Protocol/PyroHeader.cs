using System.Buffers.Binary;

namespace Agenda.Rmi.Protocol;

/// <summary>
/// The 24 header bytes of a message read as they are, for showing (the wire inspector, the pcapng export): unlike
/// <see cref="PyroMessageReader"/> it never refuses, it reports what is wrong. Offsets as in §1.1:
/// <code>
///  0  4  tag "PYRO"          12 4  data size (int32)    20 2  reserved
///  4  2  protocol version    16 2  serializer id        22 2  checksum
///  6  2  message type        18 2  annotations size
///  8  2  flags
/// 10  2  sequence number
/// </code>
/// </summary>
public readonly record struct PyroHeader(
    string Tag, ushort Version, PyroMessageType Type, PyroFlags Flags, ushort Sequence, int DataSize,
    ushort SerializerId, ushort AnnotationsSize, ushort Reserved, ushort Checksum)
{
    /// <summary>Byte ranges of the fields, in order, for a hex dump's legend.</summary>
    public static readonly (string Name, int Offset, int Length)[] Fields =
    [
        ("tag", 0, 4), ("version", 4, 2), ("type", 6, 2), ("flags", 8, 2), ("seq", 10, 2), ("data size", 12, 4),
        ("serializer", 16, 2), ("annotations size", 18, 2), ("reserved", 20, 2), ("checksum", 22, 2),
    ];

    public bool HasPyroTag => Tag == "PYRO";

    public bool IsSupportedVersion => Version == PyroMessage.ProtocolVersion;

    public ushort ExpectedChecksum => PyroMessage.Checksum(Type, Flags, Sequence, DataSize, SerializerId, AnnotationsSize);

    public bool ChecksumValid => Checksum == ExpectedChecksum;

    /// <summary>Header + annotations + data, as the header announces it.</summary>
    public long MessageLength => PyroMessage.HeaderSize + (long)AnnotationsSize + Math.Max(DataSize, 0);

    /// <summary>Reads a header from the first 24 bytes; false when fewer are given.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out PyroHeader header)
    {
        header = default;
        if (bytes.Length < PyroMessage.HeaderSize) return false;
        var tag = string.Create(4, bytes[..4].ToArray(), (chars, raw) =>
        {
            for (var i = 0; i < 4; i++) chars[i] = raw[i] is >= 0x20 and < 0x7F ? (char)raw[i] : '.';
        });
        header = new PyroHeader(tag,
            BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]),
            (PyroMessageType)BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]),
            (PyroFlags)BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[10..]),
            BinaryPrimitives.ReadInt32BigEndian(bytes[12..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[18..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[20..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[22..]));
        return true;
    }
}
