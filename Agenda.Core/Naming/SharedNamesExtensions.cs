using Agenda.Core.Instances;
using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Agenda.Core.Naming;

public static class SharedNamesExtensions
{
    /// <summary>
    /// With <c>Storage:Provider=Postgres</c>, registers the shared name server's tables (<see cref="ISharedNames"/>),
    /// this process's <see cref="AgendaInstance"/> and its <see cref="InstanceLeaseKeeper"/>, and returns true; with
    /// SQLite registers nothing and returns false: one process owns the file, and its name server stays in memory.
    /// Call after <c>AddContactStore</c>, whose context factory it uses.
    /// </summary>
    public static bool AddSharedNames(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageProvider.From(configuration) is not PostgresStorage) return false;
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AgendaInstance.From(configuration));
        services.TryAddSingleton(LeaseTimes.From(configuration));
        services.TryAddSingleton<ISharedNames, PostgresSharedNames>();
        services.TryAddSingleton(sp => new InstanceLeaseKeeper(sp.GetRequiredService<AgendaInstance>(), sp.GetRequiredService<LeaseTimes>(),
            new PostgresInstanceLeases(sp.GetRequiredService<IDbContextFactory<PostgresAgendaDbContext>>()),
            sp.GetRequiredService<ISharedNames>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<InstanceLeaseKeeper>>()));
        return true;
    }
}
