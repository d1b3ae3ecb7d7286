using System.Text;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

public class VCardDocumentReaderTests
{
    [Fact]
    public void OutlookQuotedPrintableInWindows1252IsDecoded()
    {
        var card = VCardFixtures.ReadOne(VCardFixtures.Outlook21);
        Assert.Equal("2.1", card.Version);
        Assert.Equal([["Conceição"], ["João"]], card.First("N")!.Components);
        Assert.Equal("João Conceição", card.First("FN")!.Text);
        Assert.Equal(["work", "voice"], card.First("TEL")!.Types);
        Assert.Equal("Primeira linha\nSegunda com acentuação e um texto que continuana próxima", card.First("NOTE")!.Text);
        Assert.Equal("Custa 5 €", card.First("X-MS-NOTE")!.Text);
    }

    [Fact]
    public void IosItemGroupsPairAPropertyWithItsLabel()
    {
        var card = VCardFixtures.ReadOne(VCardFixtures.Ios30);
        Assert.Equal(["TEL", "X-ABLABEL"], card.InGroup("item1").Select(p => p.Name));
        Assert.Equal("_$!<Mobile>!$_", card.InGroup("item1").Last().Text);
        Assert.Equal("1 Infinite Loop", card.InGroup("item3").Single().Components[2].Single());
        Assert.Equal(["cell", "voice", "pref"], card.All("TEL").Last().Types);
        Assert.Equal(["date"], card.First("BDAY")!.ParameterValues("VALUE"));
    }

    [Fact]
    public void AndroidCjkNamesAndFoldedBase64PhotoAreRead()
    {
        var card = VCardFixtures.ReadOne(VCardFixtures.Android21);
        Assert.Equal("山田太郎", card.First("FN")!.Text);
        Assert.Equal("太郎", card.First("N")!.Components[1].Single());
        var photo = card.First("PHOTO")!;
        Assert.Equal("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGBwkIBwcHBwgJ", photo.Value);
        Assert.Equal(["jpeg"], photo.Types);
    }

    [Fact]
    public void GoogleEscapesAndCategoriesAreRead()
    {
        var card = VCardFixtures.ReadOne(VCardFixtures.Google30);
        Assert.Equal("Conheci no evento, 2019\nSegunda linha; fim \\ barra", card.First("NOTE")!.Text);
        Assert.Equal(["myContacts", "Amigos, antigos"], card.First("CATEGORIES")!.ListValues);
        Assert.Equal("Av. Paulista, 1000", card.First("ADR")!.Components[2].Single());
    }

    [Fact]
    public void Rfc6350ExampleIsRead()
    {
        var card = VCardFixtures.ReadOne(VCardFixtures.Rfc6350);
        Assert.Equal("4.0", card.Version);
        Assert.Equal(["ing. jr", "M.Sc."], card.First("N")!.Components[4]);
        Assert.Equal("--0203", card.First("BDAY")!.Text);
        Assert.Equal(["work", "cell", "voice", "video", "text"], card.All("TEL").Last().Types);
        Assert.Equal(12, card.Properties.Count);
    }

    [Fact]
    public void ManyCardsFromAStreamComeBackInOrder()
    {
        var all = string.Concat(VCardFixtures.All);
        var cards = VCardDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(all)));
        Assert.Equal(["2.1", "3.0", "2.1", "3.0", "4.0"], cards.Select(c => c.Version));
        Assert.Equal([1, 12, 26, 36, 47], cards.Select(c => c.LineNumber));
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nFN:a\r\n", "line 1: BEGIN:VCARD without END:VCARD")]
    [InlineData("FN:a\r\n", "line 1: property outside a card")]
    [InlineData("BEGIN:VCARD\r\nFN:a\r\nEND:VCARD\r\nEND:VCARD\r\n", "line 4: END:VCARD without BEGIN:VCARD")]
    [InlineData("BEGIN:VCARD\r\nFN:a\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", "line 1: BEGIN:VCARD without END:VCARD before the next card")]
    [InlineData("BEGIN:VCARD\r\nFN:a\r\nbroken line\r\nEND:VCARD\r\n", "line 3: malformed line")]
    public void StrictReadingStopsWithAnErrorNamingTheLine(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<VCardFormatException>(() => VCardDocumentReader.Read(text)).Message);

    [Fact]
    public void LenientReadingSkipsOnlyTheBrokenCard()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 1000; i++)
            text.Append($"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card {i}\r\n{(i == 500 ? "NOTE;ENCODING=x-zip:?" : "NOTE:ok")}\r\nEND:VCARD\r\n");
        var result = VCardDocumentReader.ReadLenient(text.ToString());
        Assert.Equal(999, result.Cards.Count);
        Assert.DoesNotContain(result.Cards, c => c.First("FN")!.Text == "Card 500");
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((500, 2501, 2504), (skipped.Index, skipped.LineNumber, skipped.Error.LineNumber));
        Assert.Contains("unknown ENCODING 'x-zip'", skipped.Reason);
    }

    [Fact]
    public void LenientReadingOfGarbageReportsItAndFindsNoCards()
    {
        var result = VCardDocumentReader.ReadLenient([0x00, 0xFF, 0x13, (byte)'\n', 0x89, (byte)'P', (byte)'N', (byte)'G']);
        Assert.Empty(result.Cards);
        Assert.All(result.Skipped, s => Assert.Contains("outside a card", s.Reason));
    }

    [Fact]
    public void ARunOfGarbageLinesBeforeACardIsOneSkippedEntryAndTheCardStillReads()
    {
        var garbage = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', (byte)'\n', 0x00, 0xFF, (byte)'\n', 0x1A, (byte)'\n' };
        var result = VCardDocumentReader.ReadLenient([.. garbage, .. Encoding.UTF8.GetBytes(VCardFixtures.Google30)]);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((0, 1), (skipped.Index, skipped.LineNumber));
        Assert.Equal("line 1: property outside a card (expected BEGIN:VCARD), and 2 more lines outside a card up to line 3", skipped.Reason);
        Assert.Equal(4, Assert.Single(result.Cards).LineNumber);
    }
}
