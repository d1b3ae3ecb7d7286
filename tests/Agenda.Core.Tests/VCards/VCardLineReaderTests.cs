using System.Text;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

public class VCardLineReaderTests
{
    private static string[] Texts(string text) => VCardLineReader.Read(text).Select(l => l.Text).ToArray();

    [Fact]
    public void CrlfFollowedBySpaceOrTabIsRemoved() =>
        Assert.Equal(["NOTE:This is a long description"], Texts("NOTE:This is a lo\r\n ng descr\r\n\tiption\r\n"));

    [Fact]
    public void BareLineFeedsAreToleratedForLinesAndFolds() =>
        Assert.Equal(["FN:Ana Silva", "TEL:1"], Texts("FN:Ana\n  Silva\nTEL:1\n"));

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void AUtf16FileWithAByteOrderMarkIsRead(string encoding)
    {
        var utf16 = Encoding.GetEncoding(encoding);
        byte[] bytes = [.. utf16.Preamble, .. utf16.GetBytes("BEGIN:VCARD\r\nFN:Zoë 日本\r\n  🎉\r\n")];
        Assert.Equal(["BEGIN:VCARD", "FN:Zoë 日本 🎉"], VCardLineReader.Read(bytes).Select(l => l.Text));
    }

    [Fact]
    public void AFoldInsideAThreeByteUtf8CharacterIsJoinedBeforeDecoding()
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("NOTE:"));
        var nichi = Encoding.UTF8.GetBytes("日"); // E6 97 A5
        bytes.AddRange(nichi[..2]);
        bytes.AddRange(Encoding.ASCII.GetBytes("\r\n "));
        bytes.AddRange(nichi[2..]);
        bytes.AddRange(Encoding.UTF8.GetBytes("本\r\n"));
        Assert.Equal("NOTE:日本", Assert.Single(VCardLineReader.Read(bytes.ToArray())).Text);
    }

    [Fact]
    public void QuotedPrintableSoftBreaksJoinTheNextLineVerbatim() =>
        Assert.Equal(["NOTE;ENCODING=QUOTED-PRINTABLE:abc def", "FN:x"],
            Texts("NOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\n def\r\nFN:x\r\n"));

    [Fact]
    public void ATrailingEqualsSignOutsideQuotedPrintableIsData() =>
        Assert.Equal(["PHOTO;ENCODING=b:QUJD=", "FN:x"], Texts("PHOTO;ENCODING=b:QUJD=\r\nFN:x\r\n"));

    [Fact]
    public void EachLogicalLineKnowsThePhysicalLineItStartsOn()
    {
        var lines = VCardLineReader.Read("BEGIN:VCARD\r\nNOTE:a\r\n b\r\n c\r\n\r\nEND:VCARD\r\n");
        Assert.Equal([1, 2, 6], lines.Where(l => l.Text != "").Select(l => l.Number));
    }

    [Fact]
    public void AByteOrderMarkIsIgnored() =>
        Assert.Equal(["BEGIN:VCARD"], Texts("\uFEFFBEGIN:VCARD\r\n"));

    [Fact]
    public void Non8BitTextThatIsNotUtf8IsReadAsWindows1252() =>
        Assert.Equal("FN:Jo\u00e3o \u20ac", Assert.Single(VCardLineReader.Read([.. "FN:Jo"u8.ToArray(), 0xE3, .. "o "u8.ToArray(), 0x80])).Text);
}
