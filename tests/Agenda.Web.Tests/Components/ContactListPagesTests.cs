using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;

namespace Agenda.Web.Tests.Components;

/// <summary>Favourites first, then the others, each in id order, paged over the real store.</summary>
public sealed class ContactListPagesTests : IAsyncLifetime
{
    private StorePages _pages = null!;

    private IContactStore Store => _pages.Store;

    public async Task InitializeAsync() => _pages = await StorePages.OpenAsync();

    // Contacts 0–5; 1 and 4 are favourites, 0, 3 and 4 are in the choir.
    private async Task SeedAsync()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.CreateAsync(ContactCard.Simple($"P{i}", "Seed", "", "") with
            {
                Favorite = i is 1 or 4,
                Groups = i is 0 or 3 or 4 ? ["Choir"] : [],
            }, Door.Rest);
        }
    }

    private static async Task<List<string>> AllPagesAsync(ContactListPages list, ContactFilter filter)
    {
        list.Show(filter);
        await list.LoadAsync();
        var seen = new List<string> { Names(list) };
        while (list.HasNext)
        {
            list.Next();
            await list.LoadAsync();
            seen.Add(Names(list));
        }
        return seen;
    }

    private static string Names(ContactListPages list) => string.Join(" ", list.Items.Select(c => c.FirstName));

    [Fact]
    public async Task FavouritesComeFirstAndAPageThatEndsThemIsToppedUpFromTheOthers()
    {
        await SeedAsync();

        Assert.Equal(["P1 P4 P0", "P2 P3 P5"], await AllPagesAsync(new ContactListPages(Store, 3), ContactFilter.All));
        Assert.Equal(["P1 P4", "P0 P2", "P3 P5"], await AllPagesAsync(new ContactListPages(Store, 2), ContactFilter.All));
        Assert.Equal(["P1 P4 P0 P2 P3 P5"], await AllPagesAsync(new ContactListPages(Store, 50), ContactFilter.All));
    }

    [Fact]
    public async Task PreviousGoesBackPageByPageAndTheSummaryCountsAcrossBothParts()
    {
        await SeedAsync();
        var list = new ContactListPages(Store, 4);
        await list.LoadAsync();
        Assert.Equal(("P1 P4 P0 P2", "1–4 of 6", false, true), (Names(list), list.Summary, list.HasPrevious, list.HasNext));

        list.Next();
        await list.LoadAsync();
        Assert.Equal(("P3 P5", "5–6 of 6", true, false), (Names(list), list.Summary, list.HasPrevious, list.HasNext));

        list.Previous();
        await list.LoadAsync();
        Assert.Equal(("P1 P4 P0 P2", "1–4 of 6"), (Names(list), list.Summary));
    }

    [Fact]
    public async Task TheFavouritesFilterPagesOnlyFavouritesAndAGroupOrASearchNarrowsBothParts()
    {
        await SeedAsync();
        var list = new ContactListPages(Store, 1);

        Assert.Equal(["P1", "P4"], await AllPagesAsync(list, new ContactFilter(Favorite: true)));
        Assert.Equal(["P4", "P0", "P3"], await AllPagesAsync(list, new ContactFilter(Group: "choir")));
        Assert.Equal(["P4"], await AllPagesAsync(list, new ContactFilter("p4")));
        Assert.Equal("1–1 of 1", list.Summary);
    }

    [Fact]
    public async Task APageEmptiedByDeletesElsewhereStepsBack()
    {
        await SeedAsync();
        var list = new ContactListPages(Store, 4);
        await list.LoadAsync();
        list.Next();
        await list.LoadAsync();

        foreach (var contact in list.Items) await Store.DeleteAsync(contact.Id, null, Door.Rmi);
        await list.LoadAsync();

        Assert.Equal(("P1 P4 P0 P2", false, false), (Names(list), list.HasPrevious, list.HasNext));
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
