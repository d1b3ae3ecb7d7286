using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// A page reads the favourites and then the others, in two queries; a write between them must not show a contact twice
/// (two table rows with one key fail the render, and in a browser end the page's circuit).
/// </summary>
public sealed class ContactListPagesLoadTests : IAsyncLifetime
{
    private StorePages _pages = null!;

    public async Task InitializeAsync() => _pages = await StorePages.OpenAsync();

    [Fact]
    public async Task AContactUnstarredBetweenThePagesTwoReadsIsShownAndCountedOnceAtItsNewerVersion()
    {
        var store = _pages.Store;
        var ana = await store.CreateAsync(ContactCard.Simple("Ana", "", "", "") with { Favorite = true }, Door.Rest);
        var bruno = await store.CreateAsync(ContactCard.Simple("Bruno", "", "", ""), Door.Rest);
        var unstarred = false;
        var between = new CountingStore(store)
        {
            AfterList = async filter =>
            {
                if (filter?.Favorite != true || unstarred) return;
                unstarred = true; // right after the favourites were read, before the others are
                await store.PatchAsync(ana.Id, new ContactPatch { Edit = c => c with { Favorite = false } }, null, Door.Rmi);
            },
        };
        var list = new ContactListPages(between, pageSize: 10);

        await list.LoadAsync();

        Assert.True(unstarred);
        Assert.Equal([(ana.Id, 2L, false), (bruno.Id, 1L, false)], list.Items.Select(c => (c.Id, c.Version, c.Card.Favorite)));
        Assert.Equal(2, list.Total); // one count, not the favourites' (with Ana) plus the others' (with Ana)
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
