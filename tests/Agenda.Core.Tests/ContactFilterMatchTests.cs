using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Tests.Providers;

namespace Agenda.Core.Tests;

/// <summary>
/// <see cref="ContactFilter.Matches"/> decides the favourite and group parts of a filter as the store's query does, so a
/// page can place a changed contact without asking the store; a search it leaves to the store.
/// </summary>
public abstract class ContactFilterMatchTests<TKind> where TKind : IStoreKind
{
    private static readonly ContactCard[] Cards =
    [
        ContactCard.Simple("Ana", "Lima", "", "") with { Groups = ["Choir"], Favorite = true },
        ContactCard.Simple("Bia", "Lima", "", "") with { Groups = ["choir", "Book club"] },
        ContactCard.Simple("Caio", "Reis", "", "") with { Groups = ["Book"] },
        ContactCard.Simple("Davi", "Reis", "", "") with { Favorite = true },
        ContactCard.Simple("Eva", "Choir", "", ""),
    ];

    private static readonly ContactFilter[] Filters =
    [
        ContactFilter.All, new(Favorite: true), new(Favorite: false), new(Group: "choir"), new(Group: "  CHOIR "),
        new(Group: "Book club"), new(Group: "book"), new(Group: "club"), new(Group: "Choir", Favorite: false), new(Group: "nobody"),
    ];

    [Fact]
    public async Task TheFavouriteAndGroupPartsAreDecidedAsTheStoreListsThem()
    {
        await using var db = await TKind.OpenAsync();
        var contacts = new List<Contact>();
        foreach (var card in Cards) contacts.Add(await db.Store.CreateAsync(card, Door.Rest));

        foreach (var filter in Filters)
        {
            var listed = (await db.Store.ListAsync(filter, -1, 50)).Items.Select(c => c.Id).ToHashSet();
            foreach (var contact in contacts)
                Assert.True(listed.Contains(contact.Id) == contact.Card.Matches(filter), $"{contact.FirstName} under {filter}");
        }
    }

    [Fact]
    public void ASearchIsLeftToTheStoreUnlessTheOtherPartsAlreadyExcludeTheContact()
    {
        var ana = Cards[0];

        Assert.Null(new ContactFilter("lima").Matches(ana));
        Assert.Null(new ContactFilter("zzz", Group: "choir", Favorite: true).Matches(ana));
        Assert.False(new ContactFilter("lima", Favorite: false).Matches(ana));
        Assert.False(new ContactFilter("lima", Group: "family").Matches(ana));
        Assert.True(new ContactFilter("   ", Group: "Choir").Matches(ana)); // a blank search is no search, as in the store
    }
}

file static class FilterMatching
{
    public static bool Matches(this ContactCard card, ContactFilter filter) => filter.Matches(card) ?? throw new InvalidOperationException("no search here");
}

public sealed class ContactFilterMatchTestsOnSqlite : ContactFilterMatchTests<OnSqlite>;

public sealed class ContactFilterMatchTestsOnPostgres : ContactFilterMatchTests<OnPostgres>;
