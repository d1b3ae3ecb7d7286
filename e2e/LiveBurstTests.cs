using System.Net.Http.Json;
using Agenda.Rmi.Client;

namespace Agenda.E2E;

/// <summary>
/// Open pages under a burst of writes through all three doors at once — Pyro (agenda.contacts), REST and another page's
/// form and stars — end showing exactly what the same page freshly opened shows: pages apply most changes from the
/// contacts the changes carry, and that must never drift from what the store holds.
/// </summary>
[Collection(AgendaUiCollection.Name)]
public sealed class LiveBurstTests(AgendaUiFixture fixture)
{
    [Fact]
    public async Task AfterABurstThroughEveryDoorEachOpenPageShowsWhatAFreshlyOpenedPageShows()
    {
        var surname = ContactsPage.Unique("Burst");
        using var http = new HttpClient { BaseAddress = fixture.Agenda.BaseAddress };
        var ids = new List<long>();
        for (var i = 0; i < 12; i++) ids.Add(await PostAsync(http, $"Seed{i}", surname, favorite: i % 4 == 0));

        await using var person = await fixture.NewPersonAsync();
        var first = await ContactsPage.OpenAsync(person);
        var searched = await OpenSearchingAsync(person, surname);
        var favourites = await OpenFavouritesAsync(person);
        var writer = await OpenSearchingAsync(person, surname);

        await Task.WhenAll(ThroughPyroAsync(ids[..6], surname), ThroughRestAsync(http, ids[6..], surname), ThroughTheFormAsync(writer, surname));

        await using var other = await fixture.NewPersonAsync();
        await SameAsync(first, await ContactsPage.OpenAsync(other));
        await SameAsync(searched, await OpenSearchingAsync(other, surname));
        await SameAsync(favourites, await OpenFavouritesAsync(other));
    }

    private async Task ThroughPyroAsync(List<long> ids, string surname)
    {
        await using var contacts = await PyroProxy.ConnectAsync("127.0.0.1", fixture.Agenda.DaemonPort, "agenda.contacts");
        for (var i = 0; i < 6; i++)
        {
            await contacts.InvokeAsync("add", [new Dictionary<object, object?> { ["first_name"] = $"Pyro{i}", ["second_name"] = surname, ["favorite"] = i % 2 == 0 }]);
            await contacts.InvokeAsync("update", [ids[i], new Dictionary<object, object?> { ["favorite"] = i % 2 == 1, ["first_name"] = $"Moved{i}" }]);
        }
        await contacts.InvokeAsync("delete", [ids[0]]);
    }

    private static async Task ThroughRestAsync(HttpClient http, List<long> ids, string surname)
    {
        for (var i = 0; i < 6; i++) await PostAsync(http, $"Rest{i}", surname, favorite: i % 3 == 0);
        foreach (var id in ids[..3]) (await http.DeleteAsync($"api/contacts/{id}")).EnsureSuccessStatusCode();
    }

    private static async Task ThroughTheFormAsync(ContactsPage writer, string surname)
    {
        for (var i = 0; i < 3; i++)
        {
            await writer.FillAsync($"Form{i}", surname, "", "");
            await writer.AddButton.ClickAsync();
            await Expect(writer.FirstName).ToHaveValueAsync(""); // saved: the form is empty again
        }
        await writer.Star($"Form0 {surname}").ClickAsync();
    }

    private static async Task<long> PostAsync(HttpClient http, string firstName, string secondName, bool favorite)
    {
        using var created = await http.PostAsJsonAsync("api/contacts", new { firstName, secondName, favorite });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private static async Task<ContactsPage> OpenSearchingAsync(IBrowserContext person, string text)
    {
        var page = await ContactsPage.OpenAsync(person);
        await page.Search.FillAsync(text);
        await Expect(page.Page.Locator("tbody tr:not(.details)").First).ToContainTextAsync(text);
        return page;
    }

    private static async Task<ContactsPage> OpenFavouritesAsync(IBrowserContext person)
    {
        var page = await ContactsPage.OpenAsync(person);
        await page.FavouritesFilter.ClickAsync();
        await Expect(page.FavouritesFilter).ToHaveAttributeAsync("aria-pressed", "true");
        return page;
    }

    /// <summary>The rows, pager and chips of an open page become those of a fresh one (once its door badges expire).</summary>
    private static Task SameAsync(ContactsPage open, ContactsPage fresh) =>
        Eventually.TrueAsync(async () => await ShownAsync(open.Page) == await ShownAsync(fresh.Page),
            () => "the open page never matched the fresh one", TimeSpan.FromSeconds(20));

    private static async Task<string> ShownAsync(IPage page) =>
        string.Join("\n", await page.Locator("tbody tr:not(.details)").AllInnerTextsAsync())
        + "\n" + await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).InnerTextAsync()
        + "\n" + await page.GetByRole(AriaRole.Group, new() { Name = "Show only" }).InnerTextAsync();

    private sealed record Created(long Id);
}
