using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;
using Agenda.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// The contacts page over the real SQLite store, written to as the RMI and REST doors write (the browser tests in e2e/
/// cover writes from another page). The clock is fake, so how long a door badge stays is tested by advancing it.
/// </summary>
public sealed class ContactsPageLiveTests : IAsyncLifetime
{
    private StorePages _pages = null!;

    // Generous: the first query of a cold process builds the EF model; "within a second" is measured in e2e/.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private BunitContext Context => _pages.Context;
    private FakeTimeProvider Clock => _pages.Clock;
    private IContactStore Store => _pages.Store;

    public async Task InitializeAsync() => _pages = await StorePages.OpenAsync();

    [Fact]
    public async Task ChangesThroughOtherDoorsAppearWithoutAReloadMarkedWithTheirDoor()
    {
        var page = Context.Render<ContactsPage>();

        var added = await Store.CreateAsync(ContactCard.Simple("Rita", "Souza", "123 456", ""), Door.Rest);
        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("tbody tr"));
            Assert.Contains("Rita Souza", row.TextContent);
            Assert.Equal("REST", row.QuerySelector(".door")?.TextContent);
            Assert.Contains("added via REST", page.Find("[role=status]").TextContent);
        }, Patience);

        await Store.UpdateAsync(added.Id, ContactCard.Simple("Rita", "Rocha", "123 456", ""), null, Door.Rmi);
        Clock.Advance(RefreshGate.Interval); // a change right after another is shown an interval after it
        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("tbody tr"));
            Assert.Contains("Rita Rocha", row.TextContent);
            Assert.Equal("RMI", row.QuerySelector(".door")?.TextContent);
        }, Patience);

        await Store.DeleteAsync(added.Id, null, Door.Rmi);
        Clock.Advance(RefreshGate.Interval);
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("tbody tr"));
            Assert.Contains($"#{added.Id} deleted via RMI", page.Find("[role=status]").TextContent);
        }, Patience);
    }

    [Fact]
    public async Task TheDoorMarkStaysItsMomentThenGoesAwayButTheContactStays()
    {
        var page = Context.Render<ContactsPage>();

        await Store.CreateAsync(ContactCard.Simple("Tito", "Lima", "", ""), Door.Rmi);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("tbody tr .door-rmi")), Patience);

        Clock.Advance(RecentChanges.Duration - TimeSpan.FromMilliseconds(1));
        page.Render();
        Assert.NotNull(page.Find("tbody tr .door-rmi"));

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("tbody tr"));
            Assert.Null(row.QuerySelector(".door"));
            Assert.Contains("Tito Lima", row.TextContent);
        }, Patience);
    }

    [Fact]
    public async Task AResyncReadsTheListAgainWithoutMarkingAnyContact()
    {
        var page = Context.Render<ContactsPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("tbody tr")), Patience);

        // A write this page's notifier never hears of, as another instance's while the listener was away.
        await using (var elsewhere = new ServiceCollection().AddContactStore(new ConfigurationBuilder().AddInMemoryCollection(
                         new Dictionary<string, string?> { ["ConnectionStrings:Agenda"] = _pages.ConnectionString }).Build()).BuildServiceProvider())
            await elsewhere.GetRequiredService<IContactStore>().CreateAsync(ContactCard.Simple("Missed", "Once", "", ""), Door.Rest);
        await Context.Services.GetRequiredService<ContactChangeNotifier>().PublishAsync(ContactChange.Resync);

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("tbody tr"));
            Assert.Contains("Missed Once", row.TextContent);
            Assert.Null(row.QuerySelector(".door"));
            Assert.Contains("the list was read again", page.Find("[role=status]").TextContent);
        }, Patience);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
