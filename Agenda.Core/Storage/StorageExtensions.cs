using Agenda.Core.Contacts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Core.Storage;

public static class StorageExtensions
{
    /// <summary>Registers the contact store (a singleton <see cref="IContactStore"/>) and the change notifier.</summary>
    public static IServiceCollection AddContactStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (!options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use 'Sqlite'.");

        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName)
                               ?? StorageOptions.DefaultConnectionString;
        services.AddPooledDbContextFactory<AgendaDbContext>(db => db.UseSqlite(connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContactChangeNotifier>();
        services.TryAddSingleton<IContactStore, EfContactStore>();
        services.TryAddSingleton<Transfer.ContactImporter>(); // vCard and CSV import and export over the store
        return services;
    }

    /// <summary>Creates the database if needed and applies pending migrations. Call once at startup.</summary>
    public static async Task InitializeContactStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<AgendaDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        // AddContactStore accepts only SQLite, so the database here is always a SQLite file (or :memory:).
        CreateDataDirectory(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(ct);
        // WAL is a property of the file: readers never block the writer, and a committed write survives a process crash.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private static void CreateDataDirectory(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
