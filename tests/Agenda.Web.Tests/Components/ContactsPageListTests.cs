using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Components;

/// <summary>The list half of the contacts page: group and favourite filters, the star, the details under a name.</summary>
public sealed class ContactsPageListTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private StorePages _pages = null!;

    private IContactStore Store => _pages.Store;

    public async Task InitializeAsync() => _pages = await StorePages.OpenAsync();

    private static string[] RowNames(IRenderedComponent<ContactsPage> page) =>
        [.. page.FindAll("tbody tr:not(.details) .name-toggle").Select(b => b.TextContent.Trim())];

    [Fact]
    public async Task GroupChipsShowTheirCountsFilterTheTableAndFollowChangesFromOtherDoors()
    {
        await Store.CreateAsync(ContactCard.Simple("Ana", "Lima", "", "") with { Groups = ["Family"] }, Door.Rest);
        await Store.CreateAsync(ContactCard.Simple("Bia", "Lima", "", "") with { Groups = ["Family", "Choir"] }, Door.Rest);
        await Store.CreateAsync(ContactCard.Simple("Caio", "Reis", "", ""), Door.Rest);
        var page = _pages.Context.Render<ContactsPage>();
        page.WaitForAssertion(() => Assert.Equal(3, RowNames(page).Length), Patience);

        await page.Find("button[aria-label='Family, 2 contacts']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Ana Lima", "Bia Lima"], RowNames(page)), Patience);
        Assert.Equal("true", page.Find("button[aria-label='Family, 2 contacts']").GetAttribute("aria-pressed"));
        Assert.Equal("false", page.Find("button[aria-label='Choir, 1 contact']").GetAttribute("aria-pressed"));

        await Store.CreateAsync(ContactCard.Simple("Davi", "Lima", "", "") with { Groups = ["family"] }, Door.Rmi);
        page.WaitForAssertion(() =>
        {
            Assert.Equal(["Ana Lima", "Bia Lima", "Davi Lima"], RowNames(page));
            Assert.Equal("true", page.Find("button[aria-label='Family, 3 contacts']").GetAttribute("aria-pressed"));
        }, Patience);

        await page.Find("button[aria-label='Family, 3 contacts']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(4, RowNames(page).Length), Patience);
    }

    [Fact]
    public async Task TheStarMarksAFavouriteWhichThenComesFirstAndTheFavouritesChipShowsOnlyFavourites()
    {
        await Store.CreateAsync(ContactCard.Simple("Ana", "Lima", "", ""), Door.Rest);
        var caio = await Store.CreateAsync(ContactCard.Simple("Caio", "Reis", "", ""), Door.Rest);
        var page = _pages.Context.Render<ContactsPage>();
        page.WaitForAssertion(() => Assert.Equal(["Ana Lima", "Caio Reis"], RowNames(page)), Patience);

        await page.Find("button[aria-label='Favourite Caio Reis']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Caio Reis", "Ana Lima"], RowNames(page)), Patience);
        Assert.Equal("true", page.Find("button[aria-label='Favourite Caio Reis']").GetAttribute("aria-pressed"));
        var stored = await Store.GetAsync(caio.Id);
        Assert.True(stored.Card.Favorite);
        Assert.Equal(caio.Card with { Favorite = true }, stored.Card);

        await page.FindAll(".filter-chip").Single(b => b.TextContent.Contains("Favourites")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Caio Reis"], RowNames(page)), Patience);
    }

    [Fact]
    public async Task TheNameOpensTheContactsDetailsBelowItsRow()
    {
        await Store.CreateAsync(new ContactCard
        {
            FirstName = "Olga", Phones = [new("mobile", "111 111", true), new("work", "222 222")],
            Addresses = [new("home", "Rua das Flores 10", "São Paulo")], Birthday = new PartialDate(null, 5, 17),
            Urls = [new("home", "javascript:alert(1)"), new("work", "https://example.com/olga")],
        }, Door.Rest);
        var page = _pages.Context.Render<ContactsPage>();
        page.WaitForAssertion(() => Assert.Single(RowNames(page)), Patience);
        Assert.Empty(page.FindAll("tr.details"));
        Assert.DoesNotContain("222 222", page.Find("tbody").TextContent);

        await page.Find(".name-toggle").ClickAsync(new());

        var details = page.Find("tr.details");
        Assert.Equal("true", page.Find(".name-toggle").GetAttribute("aria-expanded"));
        Assert.Equal(details.Id, page.Find(".name-toggle").GetAttribute("aria-controls"));
        var described = details.QuerySelectorAll("dt").Select(dt => (dt.TextContent.Trim(), dt.NextElementSibling!.TextContent.Trim())).ToList();
        Assert.Contains(("Phone (work)", "222 222"), described);
        Assert.Contains(("Address (home)", "Rua das Flores 10\nSão Paulo"), described);
        Assert.Contains(("Birthday", "17 May"), described);
        // Only web addresses become links.
        Assert.Equal(["https://example.com/olga"], details.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AViewerSeesWhichContactsAreFavouritesButHasNoStarToPress()
    {
        await using var signedIn = new SignedInPages();
        await signedIn.SignInAsync("vera", AgendaRoles.Viewer);
        var store = signedIn.Context.Services.GetRequiredService<IContactStore>();
        await store.CreateAsync(ContactCard.Simple("Ana", "Lima", "", "") with { Favorite = true }, Door.Rest);

        var page = signedIn.Context.Render<ContactsPage>();

        page.WaitForAssertion(() => Assert.Contains("Favourite", page.Find("tbody .star-cell").TextContent), Patience);
        Assert.Empty(page.FindAll("tbody .star-cell button"));
    }

    [Fact]
    public async Task AnEditorDemotedWhileThePageIsOpenIsRefusedTheStar()
    {
        await using var signedIn = new SignedInPages();
        var auth = await signedIn.SignInAsync("eddie", AgendaRoles.Editor);
        var store = signedIn.Context.Services.GetRequiredService<IContactStore>();
        var ana = await store.CreateAsync(ContactCard.Simple("Ana", "Lima", "", ""), Door.Rest);
        var page = signedIn.Context.Render<ContactsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button[aria-label='Favourite Ana Lima']")), Patience);

        auth.SetRoles(AgendaRoles.Viewer);
        await page.Find("button[aria-label='Favourite Ana Lima']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Not changed: eddie may only read contacts.", page.Find("[role=status]").TextContent), Patience);
        Assert.False((await store.GetAsync(ana.Id)).Card.Favorite);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
