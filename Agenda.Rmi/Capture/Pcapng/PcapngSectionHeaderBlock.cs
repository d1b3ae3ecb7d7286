using System.Buffers.Binary;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// The block that opens a pcapng section (and so the file):
/// <code>
/// offset  size  field
///  0      4     block type 0x0A0D0D0A (a palindrome, so it reads the same in either byte order)
///  4      4     block total length
///  8      4     byte-order magic 0x1A2B3C4D, in the writer's byte order: 4D 3C 2B 1A here
/// 12      2     major version 1
/// 14      2     minor version 0
/// 16      8     section length, -1 for "not given" (we stream, so we do not know it up front)
/// 24      n     options: shb_userappl (4) names the writing application
/// 24+n    4     block total length
/// </code>
/// </summary>
internal readonly record struct PcapngSectionHeaderBlock(string Application) : IPcapngBlock
{
    public const uint Type = 0x0A0D0D0A;
    public const uint ByteOrderMagic = 0x1A2B3C4D;
    private const ushort UserApplication = 4;
    private const int FixedLength = 16;

    private IReadOnlyList<PcapngOption> Options => [PcapngOption.Text(UserApplication, Application)];

    public int Length => PcapngBlock.FramingLength + FixedLength + PcapngOption.ListLength(Options);

    public void Write(Span<byte> block)
    {
        var body = PcapngBlock.Frame(block, Type);
        BinaryPrimitives.WriteUInt32LittleEndian(body, ByteOrderMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(body[6..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], -1);
        PcapngOption.WriteList(body[FixedLength..], Options);
    }
}
