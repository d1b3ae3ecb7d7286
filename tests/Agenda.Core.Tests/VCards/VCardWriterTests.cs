using System.Text;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

public class VCardWriterTests
{
    private static string WriteOne(VCardVersion version, params VCardProperty[] properties) =>
        VCardWriter.Write([new VCard("", properties)], version);

    [Fact]
    public void CardsAreFramedWithTheAskedVersionAndCrlf()
    {
        Assert.Equal("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nEND:VCARD\r\n", WriteOne(VCardVersion.V4, VCardProperty.FromText("fn", "Ana")));
        Assert.Contains("\r\nVERSION:3.0\r\n", WriteOne(VCardVersion.V3, VCardProperty.FromText("FN", "Ana")));
    }

    [Fact]
    public void TextValuesAreEscaped() =>
        Assert.Contains("NOTE:a\\, b\\; c\\\\ d\\ne\r\n", WriteOne(VCardVersion.V4, VCardProperty.FromText("NOTE", "a, b; c\\ d\r\ne")));

    [Fact]
    public void ParameterValuesAreQuotedWhenTheyHoldSeparatorsAndCaretEncoded()
    {
        var adr = VCardProperty.FromStructured("ADR", [[], [], ["Rua 1"]], new VCardParameter("LABEL", "Rua 1, \"centro\"\nSP^"),
            new VCardParameter("TYPE", "home", "work"));
        Assert.Contains("ADR;LABEL=\"Rua 1, ^'centro^'^nSP^^\";TYPE=home,work:;;Rua 1\r\n", WriteOne(VCardVersion.V4, adr));
    }

    [Fact]
    public void LongLinesFoldAt75OctetsWithoutSplittingAUtf8Character()
    {
        string note = string.Concat(Enumerable.Repeat("日本語😀é", 30));
        string written = WriteOne(VCardVersion.V4, VCardProperty.FromText("NOTE", note));
        var physical = written.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(physical.Length > 5);
        Assert.All(physical, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
        Assert.All(physical, line => Assert.DoesNotContain('\uFFFD', line)); // no character was cut in two
        Assert.All(physical.Skip(3).SkipLast(1), line => Assert.StartsWith(" ", line));
        Assert.Equal(note, VCardFixtures.ReadOne(written).First("NOTE")!.Text);
    }

    [Fact]
    public void ALineOfExactly75OctetsIsNotFolded()
    {
        string line = "NOTE:" + new string('x', 70);
        Assert.Contains("\r\n" + line + "\r\n", WriteOne(VCardVersion.V4, VCardProperty.FromText("NOTE", new string('x', 70))));
    }

    [Fact]
    public void PropertiesReadFromAFileAreWrittenBackFromTheirRawLine()
    {
        var card = VCardFixtures.ReadOne("BEGIN:VCARD\r\nVERSION:4.0\r\nx-Custom;X-Odd=\"a:b\";Y:keep \\: as is\r\nEND:VCARD\r\n");
        Assert.Contains("\r\nx-Custom;X-Odd=\"a:b\";Y:keep \\: as is\r\n", VCardWriter.Write([card]));
    }

    [Fact]
    public void QuotedPrintableIsWrittenAsPlainUtf8Text()
    {
        var written = VCardWriter.Write([VCardFixtures.ReadOne(VCardFixtures.Outlook21)], VCardVersion.V3);
        Assert.DoesNotContain("QUOTED-PRINTABLE", written);
        Assert.Contains("\r\nFN:João Conceição\r\n", written);
        Assert.Contains("\r\nNOTE:Primeira linha\\nSegunda com acentuação", written);
    }
}
