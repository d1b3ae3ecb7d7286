using Agenda.Core.Transfer;
using Agenda.Core.Transfer.Csv;
using static Agenda.Core.Tests.Transfer.Csv.GoogleCsvFixtures;

namespace Agenda.Core.Tests.Transfer.Csv;

public class GoogleCsvBadInputTests
{
    private const string Header = "First Name,Last Name,Birthday,Event 1 - Label,Event 1 - Value,E-mail 1 - Value";

    [Fact]
    public void ABirthdayThatIsNotADateSpoilsOnlyItsRowAndNamesTheColumn()
    {
        var cards = Read($"{Header}\nAna,Silva,1990-05-17,,,ana@example.com\nBia,Costa,17/05/1990,,,bia@example.com\nCaio,Lima,--05-17,,,\n");
        Assert.Equal(["Ana", null, "Caio"], cards.Select(r => r.Card?.FirstName));
        var bad = cards[1];
        Assert.Equal((1, 3), (bad.Index, bad.Line));
        Assert.StartsWith("Birthday: \"17/05/1990\" is not a date", bad.Error);
    }

    [Fact]
    public void AnAnniversaryThatIsNotADateNamesItsEventColumn()
    {
        var bad = Read($"{Header}\nAna,Silva,,Anniversary,2015-02-30,\n").Single();
        Assert.Null(bad.Card);
        Assert.StartsWith("Event 1 - Value: \"2015-02-30\" is not a date", bad.Error);
    }

    [Fact]
    public void ARowWithTooFewFieldsNamesTheFirstMissingColumn()
    {
        var cards = Read($"{Header}\nAna,Silva,1990-05-17\nBia,Costa,,,,bia@example.com\n");
        Assert.Equal("The row has 3 fields but the header has 6 columns: \"Event 1 - Label\" and the columns after it are missing.", cards[0].Error);
        Assert.Equal("Bia", cards[1].Card!.FirstName);
    }

    [Fact]
    public void ARowWithTooManyFieldsSaysTheyHaveNoColumn()
    {
        var bad = Read($"{Header}\nAna,Silva,,,,ana@example.com,extra\n").Single();
        Assert.Equal("The row has 7 fields but the header has 6 columns: the fields after \"E-mail 1 - Value\" have no column.", bad.Error);
    }

    [Fact]
    public void AQuoteThatIsNeverClosedIsAnErrorOnTheRowWhereItOpens()
    {
        var cards = Read($"{Header}\nAna,Silva,,,,ana@example.com\nBia,\"Costa,,,,bia@example.com\nCaio,Lima,,,,\n");
        Assert.Equal(2, cards.Count);
        Assert.Equal("Ana", cards[0].Card!.FirstName);
        Assert.Equal((1, 3), (cards[1].Index, cards[1].Line));
        Assert.StartsWith("A quoted field that starts in this row is never closed", cards[1].Error);
    }

    [Fact]
    public void ARowThatIsNotUtf8IsAnErrorAndTheOthersAreRead()
    {
        // "João" in Windows-1252, as Excel's plain "CSV" saves it.
        byte[] input = [.. Utf8($"{Header}\n"), .. "Jo"u8, 0xE3, .. "o,Silva,,,,\nBia,Costa,,,,\n"u8];
        var cards = new GoogleCsvReader().Read(input);
        Assert.Equal("The row is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again.", cards[0].Error);
        Assert.Equal("Bia", cards[1].Card!.FirstName);
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n")]
    [InlineData("name;phone\nAna;123\n")]
    [InlineData("")]
    [InlineData("\uFEFF")]
    public void AFileWithoutAGoogleHeaderIsOneErrorThatSaysWhatWasExpected(string text)
    {
        var error = Assert.Single(Read(text));
        Assert.Equal((0, 1, null), (error.Index, error.Line, error.Card));
        Assert.StartsWith("Not a Google Contacts CSV file: the first line must be a header naming columns such as \"First Name\"", error.Error);
    }

    [Fact]
    public void BinaryGarbageIsOneErrorAndNeverThrows()
    {
        var random = new Random(15);
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(1, 4096)];
            random.NextBytes(garbage);
            var error = Assert.Single(new GoogleCsvReader().Read(garbage));
            Assert.Equal((0, 1), (error.Index, error.Line));
            Assert.NotNull(error.Error);
        }
    }

    [Fact]
    public void AGoogleFileWithBytesFlippedAtRandomNeverThrowsAndEveryRowHasACardOrAnError()
    {
        var random = new Random(15);
        var file = Utf8(Current);
        for (var i = 0; i < 500; i++)
        {
            var damaged = (byte[])file.Clone();
            for (var flips = random.Next(1, 20); flips > 0; flips--)
                damaged[random.Next(damaged.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : "\",\r\n:*"u8[random.Next(6)];
            IReadOnlyList<ReadCard> cards = new GoogleCsvReader().Read(damaged);
            Assert.Equal(Enumerable.Range(0, cards.Count), cards.Select(c => c.Index));
            Assert.All(cards, c => Assert.True((c.Card is null) != (c.Error is null), $"card {c.Index}: {c}"));
            Assert.True(cards.Select(c => c.Line).SequenceEqual(cards.Select(c => c.Line).Order()), "lines ascend");
        }
    }
}
