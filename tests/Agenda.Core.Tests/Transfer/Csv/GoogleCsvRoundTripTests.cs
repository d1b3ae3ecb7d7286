using System.Text;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer;
using Agenda.Core.Transfer.Csv;
using static Agenda.Core.Tests.Transfer.Csv.GoogleCsvFixtures;

namespace Agenda.Core.Tests.Transfer.Csv;

/// <summary>
/// Export then import gives the same cards: everything the layout carries survives. It has no place for the kept vCard
/// properties (<see cref="ContactCard.VCardExtras"/>), so those are the one thing an export to CSV leaves out.
/// </summary>
public class GoogleCsvRoundTripTests
{
    private static ContactCard Rich => new()
    {
        FirstName = "Zoë", MiddleName = "Maria", SecondName = "O'Brien, \"Z\"", Prefix = "Dr.", Suffix = "PhD", Nickname = "Zo",
        Organization = "Acme, Inc.", JobTitle = "Chief \"Everything\" Officer",
        Phones = [new("work", "+1 555 0100"), new("mobile", "+1 555 0101", true), new("Google Voice", "+1 555 0102")],
        Emails = [new("home", "zoe@example.com", true), new("Uni", "zoe@uni.example")],
        Addresses =
        [
            new("home", "1 Long Lane\nFloor 2, Flat \"B\"", "London", "Greater London", "EC1A 9PN", "United Kingdom"),
            new("Summer house", City: "Ericeira", Country: "Portugal"),
        ],
        Urls = [new("home", "https://zoe.example.com"), new("GitHub", "https://github.com/zoe")],
        Birthday = new PartialDate(null, 2, 29), Anniversary = new PartialDate(2010, 6, 12),
        Notes = "長いメモ🎉, with \"quotes\"\nand a second line\n\n and a blank one before it",
        Groups = ["Friends", "Book club"], Favorite = true, Uid = "urn:uuid:0e7a3a3e-1d5c-4c2b-9d1e-6f0a2b3c4d5e",
        VCardExtras = ["X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/zoe", "IMPP:xmpp:zoe@example.com"],
    };

    private static ContactCard Normalized(ContactCard card) => ContactValidator.Validate(card).Normalized;

    private static async Task<IReadOnlyList<ReadCard>> ExportAndImportAsync(params ContactCard[] cards) =>
        new GoogleCsvReader().Read(Encoding.UTF8.GetBytes(await GoogleCsvWriterTests.ExportAsync(cards)));

    [Fact]
    public async Task ARichCardComesBackEqualExceptForItsVCardExtras()
    {
        var card = Normalized(Rich);
        var back = Assert.Single(await ExportAndImportAsync(card));
        Assert.Null(back.Error);
        Assert.Equal(card with { VCardExtras = [] }, back.Card);
    }

    [Fact]
    public async Task ACardWithTheMostEntriesTheValidatorAllowsFitsTheHeader()
    {
        var most = ContactValidator.MaxEntries;
        var card = Normalized(new ContactCard
        {
            FirstName = "Max",
            Phones = [.. Enumerable.Range(1, most).Select(i => new ContactPhone(i % 2 == 0 ? "home" : $"line {i}", $"+1 555 01{i:D2}", i == most))],
            Emails = [.. Enumerable.Range(1, most).Select(i => new ContactEmail("work", $"max{i}@example.com"))],
            Addresses = [.. Enumerable.Range(1, most).Select(i => new ContactAddress("other", $"{i} Main St", "Springfield"))],
            Urls = [.. Enumerable.Range(1, most).Select(i => new ContactUrl("other", $"https://example.com/{i}"))],
        });
        Assert.Empty(ContactValidator.Validate(card).Errors);
        Assert.Equal(card, Assert.Single(await ExportAndImportAsync(card)).Card);
    }

    [Fact]
    public async Task TheGoogleFixturesSurviveAnExportOnceNormalised()
    {
        foreach (var fixture in new[] { Current, Older })
        {
            var cards = Read(fixture).Select(r => Normalized(r.Card!)).ToArray();
            var back = await ExportAndImportAsync(cards);
            Assert.Equal(cards, back.Select(r => r.Card));
            Assert.Equal(Enumerable.Range(0, cards.Length), back.Select(r => r.Index));
        }
    }
}
