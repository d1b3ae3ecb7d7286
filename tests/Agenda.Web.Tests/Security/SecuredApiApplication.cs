using System.Net.Http.Headers;
using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Security;

/// <summary>
/// The whole app in memory with <c>Security:RequireSignIn=true</c>, over a fresh SQLite file, on a fake clock (so a
/// token can expire without waiting). People are made with Identity's own managers, tokens with the app's service.
/// </summary>
public sealed class SecuredApiApplication : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agenda-token-tests", Guid.NewGuid().ToString("n"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DatabaseFile => Path.Combine(_directory, "agenda.db");

    public AccessTokens Tokens => Services.GetRequiredService<AccessTokens>();

    public ContactChangeNotifier Notifier => Services.GetRequiredService<ContactChangeNotifier>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Agenda", $"Data Source={DatabaseFile}");
        builder.UseSetting("Security:RequireSignIn", "true");
        builder.UseFreePyroPorts();
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A user with one role; returns the user's id.</summary>
    public async Task<string> CreateUserAsync(string name, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgendaUser>>();
        var user = new AgendaUser { UserName = name };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    /// <summary>A user with <paramref name="role"/> and one token of <paramref name="scope"/>; returns the token's text.</summary>
    public async Task<string> TokenForAsync(string user, string role, string scope, string tokenName = "ci-sync", DateTime? expiresAt = null) =>
        (await Tokens.CreateAsync(await CreateUserAsync(user, role), tokenName, scope, expiresAt)).Token;

    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
