using System.Buffers.Binary;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// Describes the one interface every packet of the export claims to come from (interface id 0):
/// <code>
/// offset  size  field
///  0      4     block type 1
///  4      4     block total length
///  8      2     link type: 1, LINKTYPE_ETHERNET
/// 10      2     reserved, 0
/// 12      4     snap length: no packet in the file is longer
/// 16      n     options: if_name (2), if_tsresol (9) = 9, i.e. timestamps count nanoseconds
/// 16+n    4     block total length
/// </code>
/// Nanoseconds rather than the default microseconds because .NET clocks tick in 100 ns: the export keeps every digit the
/// capture recorded, and a frame's time equals its message's time exactly.
/// </summary>
internal readonly record struct PcapngInterfaceDescriptionBlock(string Name, uint SnapLength) : IPcapngBlock
{
    public const uint Type = 1;
    public const ushort LinkTypeEthernet = 1;
    private const ushort InterfaceName = 2, TimestampResolution = 9;
    private const byte Nanoseconds = 9; // a power of ten: 10^-9 s
    private const int FixedLength = 8;

    private IReadOnlyList<PcapngOption> Options =>
        [PcapngOption.Text(InterfaceName, Name), new(TimestampResolution, [Nanoseconds])];

    public int Length => PcapngBlock.FramingLength + FixedLength + PcapngOption.ListLength(Options);

    /// <summary>A time in this interface's units: nanoseconds since 1970-01-01 UTC.</summary>
    public static ulong Timestamp(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public void Write(Span<byte> block)
    {
        var body = PcapngBlock.Frame(block, Type);
        BinaryPrimitives.WriteUInt16LittleEndian(body, LinkTypeEthernet);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], SnapLength);
        PcapngOption.WriteList(body[FixedLength..], Options);
    }
}
