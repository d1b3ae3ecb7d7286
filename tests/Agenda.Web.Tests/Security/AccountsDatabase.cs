using Agenda.Core.Accounts;
using Agenda.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Security;

/// <summary>A fresh SQLite file with Identity's users and the token service over it, for component tests without a host.</summary>
public sealed class AccountsDatabase : IAsyncDisposable
{
    private readonly AccountsTestDatabase _database = new("agenda-accounts-tests");
    private ServiceProvider _services = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public AccessTokens Tokens => _services.GetRequiredService<AccessTokens>();

    public static async Task<AccountsDatabase> OpenAsync()
    {
        var database = new AccountsDatabase();
        var services = new ServiceCollection().AddLogging();
        database._database.AddTo(services, database.Clock);
        database._services = services.AddAccessTokens().BuildServiceProvider();
        await database._services.InitializeContactStoreAsync();
        return database;
    }

    public async Task<string> CreateUserAsync(string name)
    {
        await using var scope = _services.CreateAsyncScope();
        var user = new AgendaUser { UserName = name };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AgendaUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Delete();
    }
}
