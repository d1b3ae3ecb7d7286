using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;
using Agenda.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// What each role sees and may do on the pages, with sign-in on (an authentication state cascaded as the app does).
/// Hiding a control is not the check: the forced-write tests invoke the handlers a hidden control would have called.
/// </summary>
public sealed class RoleChecksTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SignedInPages _pages = new();

    private BunitContext Context => _pages.Context;

    private IContactStore Store => Context.Services.GetRequiredService<IContactStore>();

    public Task InitializeAsync() => Task.CompletedTask;

    private Task SignInAsync(string name, string role) => _pages.SignInAsync(name, role);

    [Fact]
    public async Task AViewerSeesTheContactsButNoFormAndNoEditOrDeleteButtons()
    {
        await SignInAsync("vera", AgendaRoles.Viewer);
        await Store.CreateAsync(ContactCard.Simple("Vera", "Lima", "", ""), Door.Rest);

        var page = Context.Render<ContactsPage>();

        page.WaitForAssertion(() => Assert.Contains("Vera Lima", page.Find("tbody tr").TextContent), Patience);
        Assert.Empty(page.FindAll("form"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent is "Edit" or "Delete" or "Add contact");
    }

    [Fact]
    public async Task AViewerForcingTheSaveHandlerIsRefusedAndNothingIsStored()
    {
        await SignInAsync("vera", AgendaRoles.Viewer);
        var form = Context.Render<ContactForm>(p => p.Add(f => f.Enabled, true));

        form.Find("#first-name").Change("Forced");
        await form.Find("form").SubmitAsync();

        Assert.Contains("Not saved: vera may only read contacts.", form.Find("[role=alert]").TextContent);
        Assert.Equal(0, (await Store.ListAsync(null, -1, 10)).Total);
    }

    [Fact]
    public async Task AnEditorsSaveIsStoredAndTheBadgeNamesThem()
    {
        await SignInAsync("eddie", AgendaRoles.Editor);
        var page = Context.Render<ContactsPage>();

        page.Find("#first-name").Change("Edna");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("UI · eddie", page.Find("tbody tr .door").TextContent), Patience);
        Assert.Equal("Edna", Assert.Single((await Store.ListAsync(null, -1, 10)).Items).FirstName);
    }

    [Fact]
    public async Task ChangesFromOtherDoorsNameWhoMadeThemWhenKnownAndOnlyTheDoorOtherwise()
    {
        await SignInAsync("eddie", AgendaRoles.Editor);
        var page = Context.Render<ContactsPage>();

        await Store.CreateAsync(ContactCard.Simple("Rita", "", "", ""), new WriteOrigin(Door.Rest, "ci-token"));
        page.WaitForAssertion(() =>
        {
            Assert.Equal("REST · ci-token", page.Find("tbody tr .door").TextContent);
            Assert.Contains("added via REST · ci-token", page.Find("[role=status]").TextContent);
        }, Patience);
        await Store.CreateAsync(ContactCard.Simple("Tito", "", "", ""), Door.Rmi);
        _pages.Clock.Advance(RefreshGate.Interval); // a change right after another is shown an interval after it
        page.WaitForAssertion(() => Assert.Contains("RMI", page.FindAll("tbody tr .door").Select(b => b.TextContent)), Patience);
    }

    [Theory]
    [InlineData(AgendaRoles.Viewer, false)]
    [InlineData(AgendaRoles.Editor, false)]
    [InlineData(AgendaRoles.Admin, true)]
    public async Task OnlyAdminsGetTheWireCapturesControls(string role, bool controls)
    {
        await SignInAsync("someone", role);

        var page = Context.Render<WirePage>();

        Assert.Equal(controls, page.FindAll("button").Any(b => b.TextContent.Trim() == "Start recording"));
        Assert.Contains("Wire inspector", page.Markup);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
