using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Tests;

/// <summary>
/// The contact store on a database of the test cluster, wired as the app wires it with <c>Storage:Provider=Postgres</c>.
/// Two of them on one database are two Agenda instances: each has its own connection pool and store.
/// </summary>
public sealed class PostgresStore : ITestStore
{
    private readonly ServiceProvider _services;
    private bool _ownsDatabase;

    private PostgresStore(PostgresDatabase database, ServiceProvider services, bool ownsDatabase)
    {
        Database = database;
        _services = services;
        _ownsDatabase = ownsDatabase;
    }

    public PostgresDatabase Database { get; }
    public IServiceProvider Services => _services;
    public IContactStore Store => _services.GetRequiredService<IContactStore>();
    public ContactChangeNotifier Notifier => _services.GetRequiredService<ContactChangeNotifier>();

    /// <summary>A store on a new database of its own (dropped when disposed).</summary>
    public static async Task<PostgresStore> OpenAsync() => await OpenAsync(await PostgresServer.CreateMigratedAsync(), ownsDatabase: true);

    /// <summary>A store on <paramref name="database"/>, migrated first; drops it when disposed if it owns it.</summary>
    public static async Task<PostgresStore> OpenAsync(PostgresDatabase database, bool ownsDatabase)
    {
        var services = Wire(database).BuildServiceProvider();
        try { await services.InitializeContactStoreAsync(); }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
        return new PostgresStore(database, services, ownsDatabase);
    }

    /// <summary>The services of one instance on <paramref name="database"/>, not yet initialised.</summary>
    public static ServiceCollection Wire(PostgresDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Agenda"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(); // the change listener logs; the app's host adds logging itself
        services.AddContactStore(configuration);
        return services;
    }

    public async Task<ITestStore> ReopenAsync()
    {
        await _services.DisposeAsync();
        var owns = _ownsDatabase;
        _ownsDatabase = false; // the reopened store drops it
        return await OpenAsync(Database, owns);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}
