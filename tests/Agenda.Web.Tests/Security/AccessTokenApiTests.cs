using System.Net;
using System.Text;
using System.Text.Json;
using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Web.Tests.Api;
using Microsoft.Data.Sqlite;

namespace Agenda.Web.Tests.Security;

/// <summary>With sign-in required, REST callers present personal access tokens; each refusal is a problem, never a redirect.</summary>
public sealed class AccessTokenApiTests : IAsyncLifetime
{
    private readonly SecuredApiApplication _app = new();
    private const string NewContact = """{"firstName":"Rui","secondName":"Costa","phoneNumber":"69 900001111","email":"rui@example.com"}""";

    public Task InitializeAsync() => _app.CreateClient().GetAsync("/healthz"); // starts the host and migrates the database

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task NoTokenGetsA401ProblemWithABearerChallengeAndNoRedirect()
    {
        var response = await _app.ClientWith(null).GetAsync("/api/contacts");

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"Agenda\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AValidReadWriteTokenOfAnEditorReadsAndWritesAndTheChangeNamesTheToken()
    {
        var client = _app.ClientWith(await _app.TokenForAsync("ana", AgendaRoles.Editor, AccessTokenScopes.ReadWrite));
        var changes = new List<ContactChange>();
        using var _ = _app.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        var created = await client.PostAsync("/api/contacts", Json(NewContact));
        var list = await client.GetAsync("/api/contacts");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var change = Assert.Single(changes);
        Assert.Equal((Door.Rest, "token ci-sync (ana)"), (change.Door, change.Who));
    }

    [Fact]
    public async Task AReadTokenReadsButWritingGetsA403ProblemAndChangesNothing()
    {
        var client = _app.ClientWith(await _app.TokenForAsync("ana", AgendaRoles.Editor, AccessTokenScopes.Read));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/contacts")).StatusCode);
        await Problem.ReadAsync(await client.PostAsync("/api/contacts", Json(NewContact)), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await client.DeleteAsync("/api/contacts/0"), HttpStatusCode.Forbidden);
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/contacts")).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AViewersReadWriteTokenStillCannotWriteBecauseTheRoleCapsTheScope()
    {
        var client = _app.ClientWith(await _app.TokenForAsync("vera", AgendaRoles.Viewer, AccessTokenScopes.ReadWrite));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/contacts")).StatusCode);
        await Problem.ReadAsync(await client.PostAsync("/api/contacts", Json(NewContact)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARevokedTokenGetsA401InvalidTokenProblemAtOnce()
    {
        var userId = await _app.CreateUserAsync("ana", AgendaRoles.Editor);
        var token = await _app.Tokens.CreateAsync(userId, "laptop", AccessTokenScopes.ReadWrite, null);
        var client = _app.ClientWith(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/contacts")).StatusCode);

        Assert.True(await _app.Tokens.RevokeAsync(userId, token.Info.Id));
        var response = await client.GetAsync("/api/contacts");

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task AnExpiredTokenGetsA401ProblemOnceItsExpiryPasses()
    {
        var expiresAt = _app.Clock.GetUtcNow().UtcDateTime.AddDays(7);
        var client = _app.ClientWith(await _app.TokenForAsync("ana", AgendaRoles.Editor, AccessTokenScopes.Read, expiresAt: expiresAt));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/contacts")).StatusCode);

        _app.Clock.Advance(TimeSpan.FromDays(7));

        await Problem.ReadAsync(await client.GetAsync("/api/contacts"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RandomAndTamperedTokensNeverGetIn()
    {
        var real = await _app.TokenForAsync("ana", AgendaRoles.Admin, AccessTokenScopes.ReadWrite);
        var secretStart = real.IndexOf('_', 4) + 1;
        var guesses = Enumerable.Range(0, 40).Select(i => i switch
        {
            < 20 => $"agt_{i % 3 + 1}_{Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}",
            < 30 => real[..secretStart] + (real[secretStart] == 'A' ? 'B' : 'A') + real[(secretStart + 1)..], // one character off
            < 35 => real[..^1], // too short
            _ => "not-a-token-" + i,
        });

        foreach (var guess in guesses)
        {
            var response = await _app.ClientWith(guess).GetAsync("/api/contacts");
            await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
            Assert.DoesNotContain(guess, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await _app.ClientWith(real).GetAsync("/api/contacts")).StatusCode);
    }

    [Fact]
    public async Task ATokenIsNeverShownAgainAndTheDatabaseHoldsOnlyTheHashOfItsSecret()
    {
        var userId = await _app.CreateUserAsync("ana", AgendaRoles.Editor);
        var created = await _app.Tokens.CreateAsync(userId, "ci-sync", AccessTokenScopes.Read, null);
        var secret = created.Token[(created.Token.IndexOf('_', 4) + 1)..];

        var listed = Assert.Single(await _app.Tokens.ListAsync(userId));
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(listed));
        Assert.Equal(("ci-sync", AccessTokenScopes.Read), (listed.Name, listed.Scope));

        await using var db = new SqliteConnection($"Data Source={_app.DatabaseFile};Mode=ReadOnly");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = "SELECT SecretHash FROM AccessTokens";
        var stored = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored);
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(_app.DatabaseFile)));
    }

    [Fact]
    public async Task ReadersSeeNamingAndTheWireButOnlyAnAdminControlsTheCapture()
    {
        var viewer = _app.ClientWith(await _app.TokenForAsync("vic", AgendaRoles.Viewer, AccessTokenScopes.Read));
        var editor = _app.ClientWith(await _app.TokenForAsync("ana", AgendaRoles.Editor, AccessTokenScopes.ReadWrite));
        var admin = _app.ClientWith(await _app.TokenForAsync("root", AgendaRoles.Admin, AccessTokenScopes.ReadWrite));

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/naming")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/wire/conversations")).StatusCode);
        await Problem.ReadAsync(await editor.PostAsync("/api/wire/start", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/wire/clear", null)).StatusCode);
    }

    [Fact]
    public async Task HealthzAndSwaggerStayOpenAndSwaggerDeclaresTheBearerScheme()
    {
        var anonymous = _app.ClientWith(null);

        Assert.Equal("Healthy", await anonymous.GetStringAsync("/healthz"));
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task LastUseIsStampedAtMostOnceAMinute()
    {
        var userId = await _app.CreateUserAsync("ana", AgendaRoles.Viewer);
        var token = await _app.Tokens.CreateAsync(userId, "cron", AccessTokenScopes.Read, null);
        var client = _app.ClientWith(token.Token);
        var first = _app.Clock.GetUtcNow().UtcDateTime;

        await client.GetAsync("/api/contacts");
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetAsync("/api/contacts");
        Assert.Equal(first, Assert.Single(await _app.Tokens.ListAsync(userId)).LastUsedAt);

        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetAsync("/api/contacts");
        Assert.Equal(first.AddSeconds(61), Assert.Single(await _app.Tokens.ListAsync(userId)).LastUsedAt);
    }
}
