using System.Buffers.Binary;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>A pcapng block that knows its size and writes itself, little-endian, into exactly that many bytes.</summary>
internal interface IPcapngBlock
{
    int Length { get; }

    void Write(Span<byte> block);
}

/// <summary>
/// The framing every pcapng block shares, so a reader can skip blocks it does not know:
/// <code>
/// offset  size  field
///  0      4     block type
///  4      4     block total length (all of it: these 8 bytes, the body, the trailing copy)
///  8      n     block body, padded with zeros to a multiple of 4
///  8+n    4     block total length again, so a reader can also walk the file backwards
/// </code>
/// Every number is written little-endian; the section header's byte-order magic tells readers so.
/// </summary>
internal static class PcapngBlock
{
    public const int FramingLength = 12;

    public static int Padded(int length) => (length + 3) & ~3;

    /// <summary>Writes type and both lengths; returns the body, between them, for the block to fill.</summary>
    public static Span<byte> Frame(Span<byte> block, uint type)
    {
        block.Clear(); // padding must be zeros
        BinaryPrimitives.WriteUInt32LittleEndian(block, type);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], (uint)block.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(block[^4..], (uint)block.Length);
        return block[8..^4];
    }
}
