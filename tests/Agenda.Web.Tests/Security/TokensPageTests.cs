using System.Security.Claims;
using Agenda.Core.Accounts;
using Agenda.Web.Components.Pages;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Security;

/// <summary>The Tokens page over a real token store: create shows the token once, the list never shows a secret, revoke removes.</summary>
public sealed class TokensPageTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private AccountsDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await AccountsDatabase.OpenAsync();
        _context.Services.AddSingleton(_database.Tokens);
        _context.Services.AddSingleton<TimeProvider>(_database.Clock);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> SignInAsync(string name, string role = AgendaRoles.Editor)
    {
        var id = await _database.CreateUserAsync(name);
        _auth = _context.AddAuthorization();
        _auth.SetAuthorized(name);
        _auth.SetRoles(role);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
        return id;
    }

    private BunitAuthorizationContext _auth = null!;

    // After the authorization context: bunit takes no services once one has been resolved.
    private IRenderedComponent<TokensPage> RenderPage()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return _context.Render<TokensPage>();
    }

    [Fact]
    public void SomeoneNotSignedInIsAskedToSignInAndSeesNoForm()
    {
        _context.AddAuthorization();

        var page = RenderPage();

        Assert.Contains("Sign in", page.Find("[role=status]").TextContent);
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public async Task CreatingATokenShowsItOnceAndListsItWithoutItsSecret()
    {
        var userId = await SignInAsync("ana");
        var page = RenderPage();

        page.Find("#token-name").Change("ci-sync");
        page.Find("#token-scope").Change(AccessTokenScopes.ReadWrite);
        page.Find("#token-lifetime").Change("30");
        await page.Find("form").SubmitAsync();

        var token = page.Find("#new-token").GetAttribute("value")!;
        Assert.StartsWith("agt_", token);
        Assert.NotNull(await _database.Tokens.VerifyAsync(token));
        var row = page.Find("table.tokens tbody tr");
        Assert.Equal(["ci-sync", "read-write", "2026-12-01 09:00 UTC", "2026-12-31 09:00 UTC"],
            row.QuerySelectorAll("td").Take(4).Select(td => td.TextContent));
        Assert.DoesNotContain(token, page.Find("table.tokens").OuterHtml);

        // Another visit to the page: the list is there, the token text is gone for good.
        var again = RenderPage();
        Assert.Empty(again.FindAll("#new-token"));
        Assert.DoesNotContain(token[^20..], again.Markup);
        Assert.Single(await _database.Tokens.ListAsync(userId));
    }

    [Fact]
    public async Task ANamelessTokenIsRefusedBesideTheField()
    {
        var userId = await SignInAsync("ana");
        var page = RenderPage();

        await page.Find("form").SubmitAsync();

        Assert.Contains("Name the token", page.Find("#token-name-error").TextContent);
        Assert.Empty(await _database.Tokens.ListAsync(userId));
    }

    [Fact]
    public async Task RevokingATokenRemovesItAndItStopsVerifying()
    {
        var userId = await SignInAsync("ana");
        var created = await _database.Tokens.CreateAsync(userId, "old-laptop", AccessTokenScopes.Read, null);
        var page = RenderPage();
        Assert.Equal("never", page.Find("td[data-label=Expires]").TextContent);

        await page.Find("button[aria-label='Revoke old-laptop']").ClickAsync(new());

        Assert.Contains("no tokens", page.Markup);
        Assert.Null(await _database.Tokens.VerifyAsync(created.Token));
    }

    [Fact]
    public async Task AnAdminSeesEveryonesTokensWithTheirOwnersAndRevokesAnotherUsersToken()
    {
        var rui = await _database.CreateUserAsync("rui");
        var ruis = await _database.Tokens.CreateAsync(rui, "ci-sync", AccessTokenScopes.ReadWrite, null);
        var ana = await SignInAsync("ana", AgendaRoles.Admin);
        var anas = await _database.Tokens.CreateAsync(ana, "laptop", AccessTokenScopes.Read, null);
        var page = RenderPage();

        var rows = page.FindAll("section[aria-labelledby=all-title] table.tokens tbody tr");
        Assert.Equal(["ana laptop", "rui ci-sync"], rows.Select(r => string.Join(" ", r.QuerySelectorAll("td").Take(2).Select(td => td.TextContent))));
        Assert.Equal("Owner", page.Find("section[aria-labelledby=all-title] th").TextContent);
        Assert.DoesNotContain(ruis.Token[^20..], page.Markup);

        await page.Find("button[aria-label='Revoke ci-sync of rui']").ClickAsync(new());

        Assert.Contains("Revoked ci-sync of rui.", page.Find("[role=alert]").TextContent);
        Assert.Null(await _database.Tokens.VerifyAsync(ruis.Token));
        Assert.NotNull(await _database.Tokens.VerifyAsync(anas.Token));
        Assert.Single(page.FindAll("section[aria-labelledby=all-title] table.tokens tbody tr"));
    }

    [Fact]
    public async Task ANonAdminSeesOnlyTheirOwnTokens()
    {
        var rui = await _database.CreateUserAsync("rui");
        await _database.Tokens.CreateAsync(rui, "ci-sync", AccessTokenScopes.ReadWrite, null);
        var eddie = await SignInAsync("eddie", AgendaRoles.Editor);
        await _database.Tokens.CreateAsync(eddie, "laptop", AccessTokenScopes.Read, null);

        var page = RenderPage();

        Assert.Empty(page.FindAll("section[aria-labelledby=all-title]"));
        Assert.Equal("laptop", Assert.Single(page.FindAll("table.tokens tbody tr")).QuerySelector("td")!.TextContent);
        Assert.DoesNotContain("ci-sync", page.Markup);
    }

    [Fact]
    public async Task AnAdminDemotedWhileThePageIsOpenIsRefusedAndTheTokenStillWorks()
    {
        var rui = await _database.CreateUserAsync("rui");
        var ruis = await _database.Tokens.CreateAsync(rui, "ci-sync", AccessTokenScopes.ReadWrite, null);
        await SignInAsync("ana", AgendaRoles.Admin);
        var page = RenderPage();

        // The button was rendered while ana was an admin; the click comes after the demotion.
        _auth.SetRoles(AgendaRoles.Viewer);
        await page.Find("button[aria-label='Revoke ci-sync of rui']").ClickAsync(new());

        Assert.Contains("Only admins revoke other people's tokens.", page.Find("[role=alert]").TextContent);
        Assert.NotNull(await _database.Tokens.VerifyAsync(ruis.Token));
        Assert.Empty(page.FindAll("section[aria-labelledby=all-title]"));
    }
}
