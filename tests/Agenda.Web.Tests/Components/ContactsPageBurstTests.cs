using AngleSharp.Dom;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;
using Agenda.Web.Components.Pages;
using Bunit;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// Open contacts pages under a burst of writes through every door (as the RMI, REST and UI doors call the store): once
/// the writers stop and the pages' paced refreshes have run, each page shows exactly what the same page freshly opened
/// shows — rows, stars, groups, count, pager, group chips. The clock is fake and advanced by the test.
/// </summary>
public sealed class ContactsPageBurstTests : IAsyncLifetime
{
    private StorePages _pages = null!;

    private IContactStore Store => _pages.Store;

    public async Task InitializeAsync() => _pages = await StorePages.OpenAsync();

    [Fact]
    public async Task AfterABurstOfMixedWritesEveryOpenPageEqualsAFreshlyOpenedOne()
    {
        var ids = new List<long>();
        for (var i = 0; i < 60; i++)
            ids.Add((await Store.CreateAsync(ContactCard.Simple($"Seed{i}", "Lima", "", "") with { Favorite = i % 7 == 0 }, Door.Rest)).Id);
        // A fresh page is compared at the same place, so these stay on their first page (ContactListPagesChangesTests
        // compares later pages, whose starts a fresh page could not reach by clicking).
        var all = _pages.Context.Render<ContactsPage>();
        var favourites = _pages.Context.Render<ContactsPage>();
        var search = _pages.Context.Render<ContactsPage>();
        await ShowAsync(favourites, search);

        await Task.WhenAll(new[] { Door.Rmi, Door.Rest, Door.Ui }.Select((door, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var id = ids[(w * 40 + i * 7) % ids.Count];
                try
                {
                    switch (i % 4)
                    {
                        case 0: await Store.CreateAsync(ContactCard.Simple($"New{w}x{i}", "Reis", "", "") with { Favorite = i % 3 == 0, Groups = ["Choir"] }, door); break;
                        case 1: await Store.UpdateAsync(id, ContactCard.Simple($"Renamed{w}x{i}", "Lima", "", "") with { Groups = i % 3 == 0 ? ["Choir"] : [] }, null, door); break;
                        case 2: await Store.PatchAsync(id, new ContactPatch { Edit = c => c with { Favorite = !c.Favorite } }, null, door); break;
                        default: await Store.DeleteAsync(id, null, door); break;
                    }
                }
                catch (ContactNotFoundException) { } // deleted by another writer first
            }
        })));

        var (freshAll, freshFavourites, freshSearch) =
            (_pages.Context.Render<ContactsPage>(), _pages.Context.Render<ContactsPage>(), _pages.Context.Render<ContactsPage>());
        await ShowAsync(freshFavourites, freshSearch);
        foreach (var (page, fresh) in new[] { (all, freshAll), (favourites, freshFavourites), (search, freshSearch) })
        {
            // Each advance lets the paced refreshes and the badges' expiry run; then the two pages must agree. Both are
            // rendered again before they are read: bUnit's copy of a page's markup, updated as its parts render from
            // other threads, was sometimes left behind (rows without their star buttons, as no render ever drew them),
            // 2 runs in 8 on the commit before this line; a render rebuilds it from what each component last rendered.
            await Eventually.TrueAsync(() =>
            {
                _pages.Clock.Advance(ContactList.SummaryInterval);
                page.Render();
                fresh.Render();
                return Shown(page) == Shown(fresh);
            }, () => $"open page (status: {page.Find("p.status").TextContent}):\n{Shown(page)}\nfresh page:\n{Shown(fresh)}");
        }
    }

    /// <summary>What a person sees of the list: each row's star, name, phone, email and groups, the pager, the chips.</summary>
    private static string Shown(IRenderedComponent<ContactsPage> page) =>
        string.Join("\n", page.FindAll("tbody tr:not(.details)").Select(Row))
        + $"\n{page.Find("nav.pager").TextContent.Trim()} | previous {Enabled(page, "nav.pager button:first-child")}, next {Enabled(page, "nav.pager button:last-child")}"
        + "\n" + string.Join(", ", page.FindAll(".filter-chip").Select(b => b.GetAttribute("aria-label") ?? b.TextContent.Trim()))
        + (page.FindAll(".door").Count > 0 ? "\n(door badges still shown)" : "");

    private static string Row(IElement row) =>
        $"{row.QuerySelector(".star-cell button")?.GetAttribute("aria-pressed")} {row.QuerySelector(".name-toggle")?.TextContent.Trim()} " +
        $"{row.QuerySelector(".phone")?.TextContent} {row.QuerySelector(".email")?.TextContent} {row.QuerySelector(".group-chips")?.TextContent}";

    private static bool Enabled(IRenderedComponent<ContactsPage> page, string selector) => !page.Find(selector).HasAttribute("disabled");

    private static async Task ShowAsync(IRenderedComponent<ContactsPage> favourites, IRenderedComponent<ContactsPage> search)
    {
        await favourites.FindAll(".filter-chip").Single(b => b.TextContent.Contains("Favourites")).ClickAsync(new());
        await search.Find("#search").InputAsync(new() { Value = "lima" }); // a search: those pages read themselves again
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
