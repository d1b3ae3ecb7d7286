using System.Security.Claims;
using Agenda.Core.Accounts;
using Agenda.Web.Components.Pages;
using Bunit;
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

    private async Task<string> SignInAsync(string name)
    {
        var id = await _database.CreateUserAsync(name);
        var auth = _context.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
        return id;
    }

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
}
