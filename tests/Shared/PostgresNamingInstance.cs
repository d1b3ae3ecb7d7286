using Agenda.Core.Instances;
using Agenda.Core.Naming;
using Agenda.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Tests;

/// <summary>
/// One Agenda instance's view of the shared name server on a database of the test cluster, wired as the app wires it
/// with <c>Storage:Provider=Postgres</c>, on the clock the test gives (a FakeTimeProvider, usually): its
/// <see cref="ISharedNames"/> and its <see cref="InstanceLeaseKeeper"/>, not started. Disposing it is a crash: the
/// keeper stops renewing and its row stays until the lease lapses.
/// </summary>
public sealed class PostgresNamingInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PostgresNamingInstance(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;
    public ISharedNames Names => _services.GetRequiredService<ISharedNames>();
    public InstanceLeaseKeeper Keeper => _services.GetRequiredService<InstanceLeaseKeeper>();
    public AgendaInstance Instance => _services.GetRequiredService<AgendaInstance>();

    /// <param name="lease">Storage:InstanceLease; the 15 s default when null.</param>
    public static PostgresNamingInstance Open(PostgresDatabase database, TimeProvider time, string name, TimeSpan? lease = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Agenda"] = database.ConnectionString,
            [AgendaInstance.NameSetting] = name,
            [LeaseTimes.Setting] = lease?.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddContactStore(configuration);
        if (!services.AddSharedNames(configuration)) throw new InvalidOperationException("PostgreSQL storage should share names");
        return new PostgresNamingInstance(services.BuildServiceProvider());
    }

    /// <summary>Joins as an instance whose name server and daemon are on a made-up host (nothing listens there).</summary>
    public Task StartAsync() => Keeper.StartAsync(NameServerUri, $"PYRO:Pyro.Daemon@{Instance.Name}.example:9095");

    public string NameServerUri => $"PYRO:Pyro.NameServer@{Instance.Name}.example:9090";

    public async ValueTask DisposeAsync()
    {
        await Keeper.DisposeAsync();
        await _services.DisposeAsync();
    }
}
