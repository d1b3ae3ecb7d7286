using Agenda.Core.Accounts;
using Agenda.Core.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// A PostgreSQL database that several Agenda instances may share. Nothing here assumes this process is alone: writes
/// go straight to the database, whose row locks and version checks order them across instances, and reads are never
/// cached. Search is the base LIKE, which the GIN trigram indexes answer.
/// </summary>
internal sealed class PostgresStorage : StorageProvider
{
    // The advisory lock every instance takes around migrations: any bigint they agree on ("Agenda" in ASCII). Advisory
    // locks are per database, so instances on other databases of the same server do not wait for each other.
    private const long MigrationLockKey = 0x4167656E6461;

    private readonly NpgsqlConnectionStringBuilder _settings;

    private PostgresStorage(string connectionString, NpgsqlConnectionStringBuilder settings) : base(connectionString) =>
        _settings = settings;

    public override bool SoleWriter => false;

    /// <summary>"host:port, database name": where this store connects, for messages (never the password).</summary>
    public string Where => $"{_settings.Host}:{_settings.Port}, database {_settings.Database ?? _settings.Username}";

    /// <exception cref="StorageStartupException">No connection string, or one Npgsql cannot read.</exception>
    public static PostgresStorage Parse(string? connectionString)
    {
        const string example = "Host=127.0.0.1;Port=5432;Database=agenda;Username=agenda;Password=...";
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new StorageStartupException($"Storage:Provider is Postgres but {StorageOptions.ConnectionStringSetting} is not set; give it an Npgsql connection string, like: {example}");
        try { return new PostgresStorage(connectionString, new NpgsqlConnectionStringBuilder(connectionString)); }
        catch (ArgumentException e)
        {
            throw new StorageStartupException($"{StorageOptions.ConnectionStringSetting} is not an Npgsql connection string ({e.Message}); give it one like: {example}", e);
        }
    }

    public override void AddContexts(IServiceCollection services)
    {
        services.AddPooledDbContextFactory<PostgresAgendaDbContext>(db => db.UseNpgsql(ConnectionString));
        services.TryAddSingleton<IDbContextFactory<AgendaDbContext>, AgendaDbContextFactory<PostgresAgendaDbContext>>();
    }

    /// <summary>
    /// Each write announces itself with <c>pg_notify</c>; one <see cref="ChangeListener"/> per process hears the other
    /// instances' and republishes them on this process's notifier (<see cref="RemoteChanges"/>).
    /// </summary>
    public override void AddChangeFeed(IServiceCollection services)
    {
        services.TryAddSingleton<IChangeAnnouncer, PgNotifyAnnouncer>();
        services.TryAddSingleton<RemoteChanges>();
        services.AddHostedService<ChangeListener>();
    }

    public override void AddKeyRing(IServiceCollection services) => SharedKeyRing.Add(services);

    /// <summary>
    /// Migrates while holding the migration lock on a connection of its own, so two instances starting at once on an
    /// empty database do not both create the history table and the schema: the second waits, then finds nothing to do.
    /// The cookies' key ring gets its first key under the same lock, so instances starting together share one.
    /// </summary>
    public override async Task InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var session = await OpenLockSessionAsync(ct);
        try
        {
            await RunAsync(session, $"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            await using (var db = await services.GetRequiredService<IDbContextFactory<PostgresAgendaDbContext>>().CreateDbContextAsync(ct))
                await db.Database.MigrateAsync(ct);
            SharedKeyRing.EnsureKey(services);
            await RunAsync(session, $"SELECT pg_advisory_unlock({MigrationLockKey})", ct);
        }
        // The key ring's store fails as a DbUpdateException, which Data Protection wraps in a CryptographicException.
        catch (Exception e) when (e is NpgsqlException or DbUpdateException or System.Security.Cryptography.CryptographicException)
        {
            throw new StorageStartupException($"Migrating the PostgreSQL database at {Where} ({StorageOptions.ConnectionStringSetting}) failed: {Innermost(e).Message}", e);
        }
    }

    /// <summary>
    /// A connection outside the pool: its session ends when it is closed, and with it any advisory lock it still
    /// holds (after a failed migration too), where a pooled one would keep the lock alive for its next user.
    /// </summary>
    private async Task<NpgsqlConnection> OpenLockSessionAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new StorageStartupException(
                $"Cannot connect to PostgreSQL at {Where} ({StorageOptions.ConnectionStringSetting}): {Innermost(e).Message}", e);
        }
    }

    private static async Task RunAsync(NpgsqlConnection session, string sql, CancellationToken ct)
    {
        // No command timeout: the lock's holder is migrating, or dead and so no longer holding it.
        await using var command = new NpgsqlCommand(sql, session) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
