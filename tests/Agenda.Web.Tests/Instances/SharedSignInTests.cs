using System.Net;
using Agenda.Web.Tests.Accounts;

namespace Agenda.Web.Tests.Instances;

/// <summary>
/// Two real processes on one PostgreSQL database with sign-in required, set apart as two machines would be: each with
/// its own home folder (where ASP.NET Core keeps its default key ring) and its own content root (its default
/// application name). A browser behind a load balancer that sends it to either one stays signed in.
/// </summary>
public sealed class SharedSignInTests(SignedInInstances two) : IClassFixture<SignedInInstances>, IDisposable
{
    // A jar per test, shared by both instances: cookies name the host, not the port, as behind a load balancer.
    private readonly HttpClient _browser = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    [Fact]
    public async Task ACookieFromSigningInOnAIsAcceptedByBForTheApiAndThePages()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.GetAsync(new Uri(two.B.BaseAddress, "api/contacts"))).StatusCode);

        var signedIn = await SignInAsync(formFrom: two.A, postTo: two.A);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _browser.GetAsync(new Uri(two.B.BaseAddress, "api/contacts"))).StatusCode);
        var page = await _browser.GetAsync(two.B.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // not sent to /signin
        Assert.Contains("Sign out", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSignInFormAServedIsAcceptedWhenItIsPostedToB()
    {
        var signedIn = await SignInAsync(formFrom: two.A, postTo: two.B);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode); // a refused antiforgery token would be a 400
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Agenda.SignIn="));
        Assert.Equal(HttpStatusCode.OK, (await _browser.GetAsync(new Uri(two.A.BaseAddress, "api/contacts"))).StatusCode);
    }

    private async Task<HttpResponseMessage> SignInAsync(AgendaProcess formFrom, AgendaProcess postTo)
    {
        var form = await _browser.GetStringAsync(new Uri(formFrom.BaseAddress, "signin"));
        return await _browser.PostAsync(new Uri(postTo.BaseAddress, "signin"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = SignInApplication.Token(form),
            ["Input.Name"] = SignedInInstances.Admin,
            ["Input.Password"] = SignedInInstances.Password,
        }));
    }

    public void Dispose() => _browser.Dispose();
}

/// <summary>agenda-a and agenda-b with sign-in required and a bootstrap admin, each with its own home and content root.</summary>
public sealed class SignedInInstances : IAsyncLifetime
{
    public const string Admin = "ana";
    public const string Password = "lilac-harbour-42";
    private readonly string[] _homes = [Directory.CreateTempSubdirectory("agenda-home-a").FullName, Directory.CreateTempSubdirectory("agenda-home-b").FullName];
    private AgendaInstances _two = null!;

    public AgendaProcess A => _two.A;
    public AgendaProcess B => _two.B;

    public async Task InitializeAsync() => _two = await AgendaInstances.StartAsync(settings: i => new Dictionary<string, string>
    {
        ["Security__RequireSignIn"] = "true",
        ["Security__BootstrapAdmin__Name"] = Admin, // both at once: one creates the admin, the other finds it
        ["Security__BootstrapAdmin__Password"] = Password,
        ["HOME"] = _homes[i],
        ["ASPNETCORE_CONTENTROOT"] = i == 0 ? TestPaths.AgendaWebProject : Path.GetDirectoryName(TestPaths.AgendaWebDll)!,
    });

    public async Task DisposeAsync()
    {
        if (_two is not null) await _two.DisposeAsync(); // null when they did not start
        foreach (var home in _homes) Directory.Delete(home, recursive: true);
    }
}
