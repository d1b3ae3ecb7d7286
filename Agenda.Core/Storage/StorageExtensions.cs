using Agenda.Core.Contacts;
using Agenda.Core.Instances;
using Agenda.Core.Naming;
using Agenda.Core.Storage.Changes;
using Agenda.Core.Storage.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Core.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the contact store (a singleton <see cref="IContactStore"/>) and the change notifier over the database
    /// <c>Storage:Provider</c> names: SQLite (the default) or PostgreSQL, where a hosted service also hears the other
    /// instances' writes (<see cref="ChangeFeedStatus"/> says whether it does), and <see cref="AgendaInstance"/> names this one.
    /// </summary>
    /// <exception cref="StorageStartupException">An unknown provider, a PostgreSQL connection string that does not parse, a bad instance name or lease, Storage:Synchronous or Storage:MaxPendingWrites.</exception>
    public static IServiceCollection AddContactStore(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageProvider.From(configuration);
        storage.AddContexts(services);
        storage.AddChangeFeed(services);
        storage.AddKeyRing(services);
        services.TryAddSingleton(storage);
        services.TryAddSingleton(AgendaInstance.From(configuration));
        // Read here rather than only where the shared name server is wired, so a bad lease stops startup in one line.
        if (storage is PostgresStorage) services.TryAddSingleton(LeaseTimes.From(configuration));
        services.TryAddSingleton(Writing.PendingWritesLimit.From(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(s => new ChangeFeedStatus(
            storage.SoleWriter ? ChangeFeedState.OneInstance : ChangeFeedState.Connecting, s.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ContactChangeNotifier>();
        services.TryAddSingleton<IContactStore, EfContactStore>();
        services.TryAddSingleton<Transfer.ContactImporter>(); // vCard and CSV import and export over the store
        return services;
    }

    /// <summary>Creates the database if needed and applies pending migrations. Call once at startup.</summary>
    /// <exception cref="StorageStartupException">The database cannot be reached or opened.</exception>
    public static Task InitializeContactStoreAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<StorageProvider>().InitializeAsync(services, ct);
}
