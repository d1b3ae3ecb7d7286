using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

public class VCardPropertyParserTests
{
    private static VCardProperty Parse(string text) => VCardPropertyParser.Parse(new VCardLine(7, text));

    [Fact]
    public void GroupNameParametersAndValueAreSeparated()
    {
        var tel = Parse("item1.tel;TYPE=cell,voice;PREF=1:+55 69 1234");
        Assert.Equal("item1", tel.Group);
        Assert.Equal("TEL", tel.Name);
        Assert.Equal([new VCardParameter("TYPE", "cell", "voice"), new VCardParameter("PREF", "1")], tel.Parameters);
        Assert.Equal("+55 69 1234", tel.Text);
    }

    [Fact]
    public void BareVCard21ParametersAreTypesAndEncodings()
    {
        var tel = Parse("TEL;HOME;VOICE:123");
        Assert.Equal(["home", "voice"], tel.Types);
        Assert.Equal(["BASE64"], Parse("PHOTO;BASE64;JPEG:QUJD").ParameterValues("ENCODING"));
    }

    [Fact]
    public void RepeatedTypeParametersAndQuotedListsAllCount()
    {
        Assert.Equal(["cell", "voice", "pref"], Parse("TEL;type=CELL;type=VOICE;type=pref:1").Types);
        Assert.Equal(["work", "voice"], Parse("TEL;TYPE=\"work,voice\":tel:+1").Types);
    }

    [Fact]
    public void QuotedParameterValuesMayHoldSeparatorsAndCaretEscapes()
    {
        var adr = Parse("ADR;LABEL=\"Rua 1; apt 2:\\n^nSão Paulo ^'SP^' ^^\";GEO=\"geo:1,2\":;;Rua 1;;;;");
        Assert.Equal(["Rua 1; apt 2:\\n\nSão Paulo \"SP\" ^"], adr.ParameterValues("LABEL"));
        Assert.Equal(["geo:1,2"], adr.ParameterValues("GEO"));
    }

    [Fact]
    public void TheValueMayContainColonsAndSemicolons() =>
        Assert.Equal("tel:+1-418-656-9254;ext=102", Parse("TEL;VALUE=uri:tel:+1-418-656-9254;ext=102").Text);

    [Fact]
    public void QuotedPrintableIsDecodedInItsCharsetAndItsParametersDropped()
    {
        var note = Parse("NOTE;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE;X-KEEP=1:Custa 5 =80=0D=0Aok; a=3Db");
        Assert.Equal("Custa 5 €\nok; a=b", note.Text);
        Assert.Equal([new VCardParameter("X-KEEP", "1")], note.Parameters);
        Assert.Null(note.Source); // quoted-printable has no place in 3.0 or 4.0, so it is not written back raw
    }

    [Fact]
    public void Iso88591AndUtf8CharsetsAreDecoded()
    {
        Assert.Equal("João", Parse("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Jo=E3o").Text);
        Assert.Equal("João", Parse("FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Jo=C3=A3o").Text);
    }

    [Fact]
    public void Base64IsKeptRawWithItsLine()
    {
        var photo = Parse("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\\,x=");
        Assert.Equal("/9j/4AAQ\\,x=", photo.Value);
        Assert.Equal("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\\,x=", photo.Source?.Text);
    }

    [Theory]
    [InlineData("NOTE no colon", "expected ':'")]
    [InlineData(":value", "expected a property name")]
    [InlineData("TEL;TYPE=\"cell:1", "unterminated quoted value of TYPE")]
    [InlineData("NOTE;ENCODING=x-zip:abc", "unknown ENCODING 'x-zip'")]
    [InlineData("NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-klingon:abc", "unknown CHARSET 'x-klingon'")]
    public void MalformedLinesAreRejectedNamingTheLine(string text, string reason)
    {
        var error = Assert.Throws<VCardFormatException>(() => Parse(text));
        Assert.Equal(7, error.LineNumber);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("line 7: ", error.Message);
    }
}
