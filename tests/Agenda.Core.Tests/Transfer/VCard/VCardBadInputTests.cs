using System.Text;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Transfer;
using Agenda.Core.Transfer.VCard;
using static Agenda.Core.Tests.Transfer.VCard.TransferFixtures;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>A broken card gets a clear reason of its own; the cards around it are still read and stored.</summary>
public class VCardBadInputTests
{
    private static readonly string Good = Card("3.0", "FN:Good One", "TEL:555 0100");
    private static readonly byte[] Binary = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE, 0x0A, 0x7F, 0x0A];

    private static IReadOnlyList<ReadCard> Read(params byte[][] parts) => new VCardContactReader().Read([.. parts.SelectMany(p => p)]);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void BinaryGarbageBeforeACardIsOneErrorAndTheCardIsStillRead()
    {
        var read = Read(Binary, Utf8(Good));
        Assert.Equal(2, read.Count);
        Assert.Equal((0, 1, null), (read[0].Index, read[0].Line, read[0].Card));
        Assert.Equal("line 1: property outside a card (expected BEGIN:VCARD), and 3 more lines outside a card up to line 4", read[0].Error);
        Assert.Equal((1, 5, "Good One"), (read[1].Index, read[1].Line, read[1].Card!.FirstName));
    }

    [Fact]
    public void BinaryGarbageInsideACardSpoilsOnlyThatCard()
    {
        var read = Read(Utf8(Good), Utf8("BEGIN:VCARD\r\nVERSION:3.0\r\n"), Binary, Utf8("\r\nEND:VCARD\r\n"), Utf8(Good));
        Assert.Equal([true, false, true], read.Select(r => r.Card is not null));
        Assert.Equal((1, 6), (read[1].Index, read[1].Line));
        Assert.Contains("malformed line", read[1].Error);
    }

    [Fact]
    public void AFileOfRandomBytesGivesErrorsAndNoCards()
    {
        var random = new byte[8192];
        new Random(15).NextBytes(random);
        var read = Read(random);
        Assert.NotEmpty(read);
        Assert.All(read, r => Assert.True(r.Card is null && r.Error!.Length > 0));
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lost\r\n", "line 1: BEGIN:VCARD without END:VCARD before the next card")]
    [InlineData("BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=x-zip:abc\r\nEND:VCARD\r\n", "line 3: unknown ENCODING 'x-zip' on NOTE")]
    [InlineData("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=x-klingon;ENCODING=QUOTED-PRINTABLE:=41\r\nEND:VCARD\r\n", "line 3: unknown CHARSET 'x-klingon'")]
    public void ABrokenCardBeforeAGoodOneHasItsReason(string broken, string reason)
    {
        var read = Read(Utf8(broken), Utf8(Good));
        Assert.Equal(reason, read[0].Error);
        Assert.Equal((0, 1, null), (read[0].Index, read[0].Line, read[0].Card));
        Assert.Equal("Good One", read[1].Card!.FirstName);
    }

    [Fact]
    public void ACardWithoutEndAtTheEndOfTheFileHasItsReason()
    {
        var read = Read(Utf8(Good), Utf8("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off"));
        Assert.Equal("Good One", read[0].Card!.FirstName);
        Assert.Equal((1, 6, "line 6: BEGIN:VCARD without END:VCARD"), (read[1].Index, read[1].Line, read[1].Error));
    }

    [Fact]
    public async Task ImportingStoresTheGoodCardsAndReportsEachBadOneWhereItIs()
    {
        await using var db = await SqliteStore.OpenAsync();
        var importer = new ContactImporter(db.Store);
        var file = Good + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No end\r\n" + Card("3.0", "FN:Bad Email", "EMAIL:not-an-address")
            + Card("3.0", "N:;;;;") + Card("4.0", "FN:Second Good");

        var dry = await importer.ImportAsync(ContactFileFormats.VCard, Utf8(file), dryRun: true, Door.Rest);
        Assert.Equal(0, await db.Store.CountAsync(null));
        Assert.Equal(2, dry.Imported);

        var report = await importer.ImportAsync(ContactFileFormats.VCard, Utf8(file), dryRun: false, Door.Rest);
        Assert.Equal(2, report.Imported);
        Assert.Equal([(1, 6), (2, 9), (3, 14)], report.Skipped.Select(s => (s.Index, s.Line)));
        Assert.Equal("line 6: BEGIN:VCARD without END:VCARD before the next card", report.Skipped[0].Reason);
        Assert.Equal("emails[0].address: Email must be a valid address, like name@example.com.", report.Skipped[1].Reason);
        Assert.Equal("line 14: card 3 has no name (N, FN or ORG)", report.Skipped[2].Reason);
        var stored = new List<string>();
        await foreach (var contact in db.Store.ReadAllAsync(null)) stored.Add(contact.FirstName);
        Assert.Equal(["Good One", "Second Good"], stored);
    }
}
