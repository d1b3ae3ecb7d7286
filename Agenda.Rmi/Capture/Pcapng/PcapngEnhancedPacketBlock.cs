using System.Buffers.Binary;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// One packet, or the start of one when it was cut during capture (captured length &lt; original length, which Wireshark
/// shows as "Packet size limited during capture"):
/// <code>
/// offset  size  field
///  0      4     block type 6
///  4      4     block total length
///  8      4     interface id (index of its interface description block in the section)
/// 12      4     timestamp, upper 32 bits   } one 64-bit count of the interface's time units,
/// 16      4     timestamp, lower 32 bits   } high word first whatever the byte order
/// 20      4     captured length: bytes of packet data present
/// 24      4     original length: bytes the packet really had
/// 28      n     packet data, padded with zeros to a multiple of 4
/// 28+n    m     options: opt_comment (1) when the packet has a comment
/// 28+n+m  4     block total length
/// </code>
/// </summary>
internal readonly record struct PcapngEnhancedPacketBlock(
    uint InterfaceId, ulong Timestamp, ReadOnlyMemory<byte> Data, int OriginalLength, string? Comment) : IPcapngBlock
{
    public const uint Type = 6;
    private const int FixedLength = 20;

    private IReadOnlyList<PcapngOption> Options => Comment is null ? [] : [PcapngOption.Text(PcapngOption.Comment, Comment)];

    public int Length => PcapngBlock.FramingLength + FixedLength + PcapngBlock.Padded(Data.Length) + PcapngOption.ListLength(Options);

    public void Write(Span<byte> block)
    {
        var body = PcapngBlock.Frame(block, Type);
        BinaryPrimitives.WriteUInt32LittleEndian(body, InterfaceId);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)(Timestamp >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], (uint)Timestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(body[12..], (uint)Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[16..], (uint)OriginalLength);
        Data.Span.CopyTo(body[FixedLength..]);
        PcapngOption.WriteList(body[(FixedLength + PcapngBlock.Padded(Data.Length))..], Options);
    }
}
