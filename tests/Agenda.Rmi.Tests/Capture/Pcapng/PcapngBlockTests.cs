using System.Buffers.Binary;
using System.Text;
using Agenda.Rmi.Capture.Pcapng;

namespace Agenda.Rmi.Tests.Capture.Pcapng;

public class PcapngBlockTests
{
    private static byte[] Bytes(IPcapngBlock block)
    {
        var bytes = new byte[block.Length];
        block.Write(bytes);
        return bytes;
    }

    private static uint U32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));

    private static PcapngEnhancedPacketBlock Packet(int dataLength, string? comment = null) =>
        new(0, 0, Enumerable.Range(1, dataLength).Select(i => (byte)i).ToArray(), dataLength, comment);

    [Fact]
    public void SectionHeaderOpensWithItsTypeThenTheByteOrderMagicInLittleEndian()
    {
        var bytes = Bytes(new PcapngSectionHeaderBlock("Agenda"));

        Assert.Equal([0x0A, 0x0D, 0x0D, 0x0A], bytes[..4]);
        Assert.Equal([0x4D, 0x3C, 0x2B, 0x1A], bytes[8..12]);
        Assert.Equal([1, 0, 0, 0], bytes[12..16]); // version 1.0
        Assert.Equal(Enumerable.Repeat((byte)0xFF, 8), bytes[16..24]); // section length -1: not given
    }

    public static TheoryData<string, int> Blocks() => new()
    {
        { "section header", Bytes(new PcapngSectionHeaderBlock("Agenda")).Length },
        { "interface description", Bytes(new PcapngInterfaceDescriptionBlock("pyro", 262_144)).Length },
        { "packet of 0 bytes", Bytes(Packet(0)).Length }, { "packet of 1 byte", Bytes(Packet(1)).Length },
        { "packet of 2 bytes", Bytes(Packet(2)).Length }, { "packet of 3 bytes", Bytes(Packet(3)).Length },
        { "packet of 4 bytes", Bytes(Packet(4)).Length }, { "packet with a comment", Bytes(Packet(5, "abc")).Length },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void EveryBlockIsAWholeNumberOfThirtyTwoBitWords(string block, int length) => Assert.True(length % 4 == 0, block);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1514)]
    public void AnEnhancedPacketBlockStatesItsLengthAtBothEnds(int dataLength)
    {
        var bytes = Bytes(Packet(dataLength, "a comment"));

        Assert.Equal(6u, U32(bytes, 0));
        Assert.Equal((uint)bytes.Length, U32(bytes, 4));
        Assert.Equal((uint)bytes.Length, U32(bytes, bytes.Length - 4));
    }

    [Fact]
    public void PacketDataIsPaddedWithZerosToThirtyTwoBits()
    {
        var bytes = Bytes(Packet(5));

        Assert.Equal(28 + 8 + 4, bytes.Length); // fixed fields, 5 data bytes padded to 8, trailing length
        Assert.Equal([1, 2, 3, 4, 5, 0, 0, 0], bytes[28..36]);
        Assert.Equal((5u, 5u), (U32(bytes, 20), U32(bytes, 24)));
    }

    [Fact]
    public void APacketCutDuringCaptureKeepsItsOriginalLength()
    {
        var bytes = Bytes(new PcapngEnhancedPacketBlock(0, 0, new byte[54], 1514, null));

        Assert.Equal((54u, 1514u), (U32(bytes, 20), U32(bytes, 24)));
    }

    [Fact]
    public void TimestampsCountNanosecondsSinceTheEpochWrittenHighWordFirst()
    {
        var time = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        var timestamp = PcapngInterfaceDescriptionBlock.Timestamp(time);
        var bytes = Bytes(new PcapngEnhancedPacketBlock(0, timestamp, new byte[4], 4, null));

        Assert.Equal(1_796_032_800_123_456_700UL, timestamp);
        Assert.Equal(timestamp, ((ulong)U32(bytes, 12) << 32) | U32(bytes, 16));
    }

    [Fact]
    public void TheInterfaceIsEthernetWithItsSnapLengthAndNanosecondResolution()
    {
        var bytes = Bytes(new PcapngInterfaceDescriptionBlock("pyro", 262_144));

        Assert.Equal(1u, U32(bytes, 0));
        Assert.Equal([1, 0, 0, 0], bytes[8..12]); // LINKTYPE_ETHERNET, reserved
        Assert.Equal(262_144u, U32(bytes, 12));
        Assert.Equal([2, 0, 4, 0, .. "pyro"u8], bytes[16..24]); // if_name
        Assert.Equal([9, 0, 1, 0, 9, 0, 0, 0], bytes[24..32]); // if_tsresol = 10^-9, padded
        Assert.Equal([0, 0, 0, 0], bytes[32..36]); // end of options
        Assert.Equal(40, bytes.Length);
    }

    [Fact]
    public void AnOptionValueIsPaddedAndTheListEndsWithEndOfOptions()
    {
        var bytes = Bytes(Packet(0, "abcde"));

        Assert.Equal([1, 0, 5, 0, .. Encoding.UTF8.GetBytes("abcde"), 0, 0, 0, 0, 0, 0, 0], bytes[28..44]);
        Assert.Equal(48, bytes.Length);
    }

    [Fact]
    public void APacketWithoutACommentHasNoOptionList()
    {
        Assert.Equal(28 + 4, Bytes(Packet(0)).Length);
    }
}
