using System.Buffers.Binary;
using System.Text;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// One option of a block's option list. A list is the options one after the other, then an end-of-options marker
/// (code 0, length 0); a block without options may leave the list out altogether.
/// <code>
/// offset  size  field
///  0      2     option code
///  2      2     value length, not counting the padding
///  4      n     value, padded with zeros to a multiple of 4
/// </code>
/// </summary>
internal readonly record struct PcapngOption(ushort Code, byte[] Value)
{
    /// <summary>Valid in every block: a UTF-8 comment, which Wireshark shows above the packet's layers.</summary>
    public const ushort Comment = 1;

    private const int HeaderLength = 4;

    public int Length => HeaderLength + PcapngBlock.Padded(Value.Length);

    public static PcapngOption Text(ushort code, string text) => new(code, Encoding.UTF8.GetBytes(text));

    public static int ListLength(IReadOnlyList<PcapngOption> options) =>
        options.Count == 0 ? 0 : options.Sum(o => o.Length) + HeaderLength;

    /// <summary>Writes the list with its end marker into a zeroed span of <see cref="ListLength"/> bytes.</summary>
    public static void WriteList(Span<byte> destination, IReadOnlyList<PcapngOption> options)
    {
        foreach (var option in options)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, option.Code);
            BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)option.Value.Length);
            option.Value.CopyTo(destination[HeaderLength..]);
            destination = destination[option.Length..];
        }
        // What remains is the end-of-options marker: four zero bytes, already there.
    }
}
