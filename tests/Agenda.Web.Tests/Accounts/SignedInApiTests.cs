using System.Net;
using System.Net.Http.Json;
using Agenda.Core.Accounts;
using Agenda.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Accounts;

/// <summary>A browser's sign-in cookie at the REST door: the role decides, exactly as for tokens.</summary>
public sealed class SignedInApiTests : IAsyncLifetime
{
    private const string Password = "viewer-password-1";
    private readonly SignInApplication _app = new();

    public async Task InitializeAsync()
    {
        var accounts = _app.Services.GetRequiredService<UserAccounts>();
        Assert.True((await accounts.AddAsync("vera", AgendaRoles.Viewer, Password)).Succeeded);
        Assert.True((await accounts.AddAsync("eddie", AgendaRoles.Editor, Password)).Succeeded);
    }

    [Fact]
    public async Task AViewersForcedPostIsRefusedWith403AndNothingIsStored()
    {
        var browser = _app.NewBrowser();
        await SignInApplication.SignInAsync(browser, "vera", Password);

        var forced = await browser.PostAsJsonAsync("/api/contacts", new { firstName = "Forced" });

        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal("application/problem+json", forced.Content.Headers.ContentType?.MediaType);
        var list = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/contacts");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnEditorsCookieWritesAndNoCookieIsA401Problem()
    {
        var browser = _app.NewBrowser();
        await SignInApplication.SignInAsync(browser, "eddie", Password);

        Assert.Equal(HttpStatusCode.Created, (await browser.PostAsJsonAsync("/api/contacts", new { firstName = "Allowed" })).StatusCode);
        var anonymous = await _app.NewBrowser().GetAsync("/api/contacts");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
