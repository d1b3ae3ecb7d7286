using Agenda.Core.Accounts;
using Agenda.Web.Components.Pages;
using Bunit;
using Bunit.TestDoubles;

namespace Agenda.Web.Tests.Components;

/// <summary>Who is not an admin gets no accounts on the Users page, and an admin demoted while it is open changes nothing.</summary>
public sealed class UsersPageRefusalTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SignedInPages _pages = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    [Theory]
    [InlineData(AgendaRoles.Viewer)]
    [InlineData(AgendaRoles.Editor)]
    public async Task ANonAdminIsToldItIsForAdminsAndSeesNoAccountsOrForm(string role)
    {
        await _pages.SignInAsync("rui", role);

        var page = _pages.Context.Render<UsersPage>();

        Assert.Contains("Only admins manage users.", page.Find("[role=alert]").TextContent);
        Assert.Empty(page.FindAll("table"));
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public async Task AnAdminDemotedWhileThePageIsOpenIsRefusedTheirNextChange()
    {
        var auth = await _pages.SignInAsync("ana", AgendaRoles.Admin);
        Assert.True((await _pages.Accounts.AddAsync("rui", AgendaRoles.Viewer, "correct horse battery")).Succeeded);
        var page = _pages.Context.Render<UsersPage>();
        var ruisRole = page.Find("select[aria-label='Role of rui']");

        auth.SetRoles(AgendaRoles.Editor);
        await ruisRole.ChangeAsync(new() { Value = AgendaRoles.Admin });

        page.WaitForAssertion(() => Assert.Contains("Only admins manage users.", page.Markup), Patience);
        Assert.Contains(new("rui", AgendaRoles.Viewer, null), await _pages.Accounts.ListAsync());
    }
}
