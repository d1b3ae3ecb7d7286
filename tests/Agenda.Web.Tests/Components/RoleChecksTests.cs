using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Rmi.Capture;
using Agenda.Web.Accounts;
using Agenda.Web.Components.Contacts;
using Agenda.Web.Components.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// What each role sees and may do on the pages, with sign-in on (an authentication state cascaded as the app does).
/// Hiding a control is not the check: the forced-write tests invoke the handlers a hidden control would have called.
/// </summary>
public sealed class RoleChecksTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly BunitContext _context = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agenda-role-tests", Guid.NewGuid().ToString("n"));

    private IContactStore Store => _context.Services.GetRequiredService<IContactStore>();

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = $"Data Source={Path.Combine(_directory, "agenda.db")}",
        }).Build();
        // A clock that never moves: door badges stay however slowly the machine renders.
        _context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        _context.Services.AddContactStore(configuration);
        _context.Services.AddWireCapture(configuration);
        _context.Services.AddSingleton<UserAccounts>(); // registered as with sign-in on; never reached for a non-admin
        return Task.CompletedTask;
    }

    // bUnit takes no new services once one was resolved (SetRendererInfo resolves one), so the person comes first.
    private async Task SignInAsync(string name, string role)
    {
        var auth = _context.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await _context.Services.InitializeContactStoreAsync();
    }

    [Fact]
    public async Task AViewerSeesTheContactsButNoFormAndNoEditOrDeleteButtons()
    {
        await SignInAsync("vera", AgendaRoles.Viewer);
        await Store.CreateAsync(new("Vera", "Lima", "", ""), Door.Rest);

        var page = _context.Render<ContactsPage>();

        page.WaitForAssertion(() => Assert.Contains("Vera Lima", page.Find("tbody tr").TextContent), Patience);
        Assert.Empty(page.FindAll("form"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent is "Edit" or "Delete" or "Add contact");
    }

    [Fact]
    public async Task AViewerForcingTheSaveHandlerIsRefusedAndNothingIsStored()
    {
        await SignInAsync("vera", AgendaRoles.Viewer);
        var form = _context.Render<ContactForm>(p => p.Add(f => f.Enabled, true));

        form.Find("#first-name").Change("Forced");
        await form.Find("form").SubmitAsync();

        Assert.Contains("Not saved: vera may only read contacts.", form.Find("[role=alert]").TextContent);
        Assert.Equal(0, (await Store.ListAsync(null, -1, 10)).Total);
    }

    [Fact]
    public async Task AnEditorsSaveIsStoredAndTheBadgeNamesThem()
    {
        await SignInAsync("eddie", AgendaRoles.Editor);
        var page = _context.Render<ContactsPage>();

        page.Find("#first-name").Change("Edna");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("UI · eddie", page.Find("tbody tr .door").TextContent), Patience);
        Assert.Equal("Edna", Assert.Single((await Store.ListAsync(null, -1, 10)).Items).FirstName);
    }

    [Fact]
    public async Task ChangesFromOtherDoorsNameWhoMadeThemWhenKnownAndOnlyTheDoorOtherwise()
    {
        await SignInAsync("eddie", AgendaRoles.Editor);
        var page = _context.Render<ContactsPage>();

        await Store.CreateAsync(new("Rita", "", "", ""), new WriteOrigin(Door.Rest, "ci-token"));
        page.WaitForAssertion(() =>
        {
            Assert.Equal("REST · ci-token", page.Find("tbody tr .door").TextContent);
            Assert.Contains("added via REST · ci-token", page.Find("[role=status]").TextContent);
        }, Patience);
        await Store.CreateAsync(new("Tito", "", "", ""), Door.Rmi);
        page.WaitForAssertion(() => Assert.Contains("RMI", page.FindAll("tbody tr .door").Select(b => b.TextContent)), Patience);
    }

    [Theory]
    [InlineData(AgendaRoles.Viewer, false)]
    [InlineData(AgendaRoles.Editor, false)]
    [InlineData(AgendaRoles.Admin, true)]
    public async Task OnlyAdminsGetTheWireCapturesControls(string role, bool controls)
    {
        await SignInAsync("someone", role);

        var page = _context.Render<WirePage>();

        Assert.Equal(controls, page.FindAll("button").Any(b => b.TextContent.Trim() == "Start recording"));
        Assert.Contains("Wire inspector", page.Markup);
    }

    [Fact]
    public async Task AnEditorOnTheUsersPageIsToldItIsForAdminsAndSeesNoAccounts()
    {
        await SignInAsync("eddie", AgendaRoles.Editor);

        var page = _context.Render<UsersPage>();

        Assert.Contains("Only admins manage users.", page.Find("[role=alert]").TextContent);
        Assert.Empty(page.FindAll("table"));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
