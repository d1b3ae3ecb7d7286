using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

public class VCardValueTests
{
    [Theory]
    [InlineData(@"a\nb", "a\nb")]
    [InlineData(@"a\Nb", "a\nb")]
    [InlineData(@"a\,b\;c", "a,b;c")]
    [InlineData(@"back\\slash", @"back\slash")]
    [InlineData(@"outlook\:colon", "outlook:colon")]
    [InlineData(@"trailing\", @"trailing\")]
    public void TextEscapesAreUndone(string escaped, string text) => Assert.Equal(text, VCardValue.Unescape(escaped));

    [Fact]
    public void EscapingIsTheInverseOfUnescaping()
    {
        const string text = "line1\nline2, with; all \\ kinds";
        Assert.Equal(@"line1\nline2\, with\; all \\ kinds", VCardValue.Escape(text));
        Assert.Equal(text, VCardValue.Unescape(VCardValue.Escape(text)));
    }

    [Fact]
    public void StructuredValuesSplitOnlyOnUnescapedSemicolonsAndCommas()
    {
        var adr = VCardValue.ParseStructured(@";;Av. Paulista\, 1000;São Paulo\;SP;x,y");
        Assert.Equal(5, adr.Count);
        Assert.Equal(["Av. Paulista, 1000"], adr[2]);
        Assert.Equal(["São Paulo;SP"], adr[3]);
        Assert.Equal(["x", "y"], adr[4]);
    }

    [Fact]
    public void AnEscapedBackslashBeforeASeparatorDoesNotHideIt() =>
        Assert.Equal([@"a\", "b"], VCardValue.ParseList(@"a\\,b"));

    [Fact]
    public void StructuredValuesAreFormattedWithEscapes() =>
        Assert.Equal(@"Silva;Ana;;Dr.\, PhD;", VCardValue.FormatStructured([["Silva"], ["Ana"], [], ["Dr., PhD"], []]));
}
