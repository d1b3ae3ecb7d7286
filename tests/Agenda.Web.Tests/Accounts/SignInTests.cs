using System.Net;
using Agenda.Core.Accounts;
using Agenda.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Accounts;

/// <summary>Sign-in over HTTP as a browser does it: redirects, the form's messages, lockout, sign-out.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly SignInApplication _app = new();

    private UserAccounts Accounts => _app.Services.GetRequiredService<UserAccounts>();

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/")]
    [InlineData("/nameserver")]
    [InlineData("/wire")]
    [InlineData("/users")]
    public async Task PagesSendSomeoneNotSignedInToTheSignInPage(string page)
    {
        var response = await _app.NewBrowser().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task HealthStaysOpen()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.NewBrowser().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task TheBootstrapAdminCanSignInAndIsSentBackWhereTheyWereGoing()
    {
        var browser = _app.NewBrowser();

        var signedIn = await SignInApplication.SignInAsync(browser, "root", SignInApplication.AdminPassword, "/wire");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/wire", signedIn.Headers.Location?.OriginalString.Replace(browser.BaseAddress!.ToString().TrimEnd('/'), ""));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Agenda.SignIn="));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        var wire = await browser.GetAsync("/wire");
        Assert.Equal(HttpStatusCode.OK, wire.StatusCode);
        Assert.Contains("Sign out", await wire.Content.ReadAsStringAsync());
        Assert.Equal([new UserSummary("root", AgendaRoles.Admin, null)], await Accounts.ListAsync());
    }

    [Fact]
    public async Task AReturnAddressOnAnotherSiteIsIgnored()
    {
        var signedIn = await SignInApplication.SignInAsync(_app.NewBrowser(), "root", SignInApplication.AdminPassword, "//evil.example/");

        Assert.Equal("/", signedIn.Headers.Location?.AbsolutePath);
        Assert.NotEqual("evil.example", signedIn.Headers.Location?.Host);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownNameGetTheSameMessageAndThePasswordIsNotSentBack()
    {
        var wrongPassword = await SignInApplication.SignInAsync(_app.NewBrowser(), "root", "not-the-password-1");
        var unknownName = await SignInApplication.SignInAsync(_app.NewBrowser(), "nobody", "not-the-password-1");

        foreach (var response in new[] { wrongPassword, unknownName })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal("Wrong name or password.", SignInApplication.Alert(html));
            Assert.DoesNotContain("not-the-password-1", html);
        }
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndThenEvenTheRightOneIsRefused()
    {
        var browser = _app.NewBrowser();
        string? alert = null;
        for (var attempt = 1; attempt <= AccountRules.MaxFailedSignIns; attempt++)
            alert = SignInApplication.Alert(await (await SignInApplication.SignInAsync(browser, "root", $"guess-number-{attempt}")).Content.ReadAsStringAsync());

        Assert.Matches(@"^Too many failed sign-ins: root is locked until \d\d:\d\d UTC\.", alert);
        var right = await SignInApplication.SignInAsync(browser, "root", SignInApplication.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Too many failed sign-ins", SignInApplication.Alert(await right.Content.ReadAsStringAsync()));
        Assert.NotNull(Assert.Single(await Accounts.ListAsync()).LockedUntil);

        Assert.True((await Accounts.UnlockAsync("root")).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInApplication.SignInAsync(browser, "root", SignInApplication.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task SigningOutNeedsTheFormsAntiforgeryTokenAndThenEndsTheSession()
    {
        var browser = _app.NewBrowser();
        await SignInApplication.SignInAsync(browser, "root", SignInApplication.AdminPassword);

        var forged = await browser.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var token = SignInApplication.Token(await browser.GetStringAsync("/"));
        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/signin", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task WithUsersPresentTheBootstrapSettingCreatesNoOne()
    {
        await _app.Services.GetRequiredService<UserAccounts>().ListAsync(); // started: root exists
        await using var again = new SignInApplication(_app.Directory, bootstrapAdmin: "second");

        var users = await again.Services.GetRequiredService<UserAccounts>().ListAsync();

        Assert.Equal(["root"], users.Select(u => u.Name));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try { Directory.Delete(_app.Directory, recursive: true); }
        catch (IOException) { }
    }
}
