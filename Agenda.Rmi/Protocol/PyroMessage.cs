namespace Agenda.Rmi.Protocol;

/// <summary>
/// One Pyro4 message as it travels: header fields, the annotation chunks (id → raw value) and the payload exactly as
/// transmitted (still compressed when <see cref="PyroFlags.Compressed"/> is set, because HMAC covers those bytes).
/// </summary>
public readonly record struct PyroMessage(
    PyroMessageType Type,
    PyroFlags Flags,
    ushort Sequence,
    ushort SerializerId,
    IReadOnlyDictionary<string, byte[]> Annotations,
    ReadOnlyMemory<byte> Data)
{
    public const int HeaderSize = 24;
    public const ushort ProtocolVersion = 48;
    public const ushort ChecksumMagic = 0x34E9;

    public static readonly IReadOnlyDictionary<string, byte[]> NoAnnotations = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    public bool Has(PyroFlags flag) => (Flags & flag) == flag;

    /// <summary>checksum = (type + version + data size + annotations size + serializer + flags + seq + 0x34E9) mod 2^16 (§1.2).</summary>
    public static ushort Checksum(PyroMessageType type, PyroFlags flags, ushort sequence, int dataSize, ushort serializerId, int annotationsSize) =>
        (ushort)(((long)type + ProtocolVersion + dataSize + annotationsSize + serializerId + (ushort)flags + sequence + ChecksumMagic) & 0xFFFF);
}
