using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Everything that differs between the two databases, so the store above them reads the same on both:
/// <code>
///                  SQLite (default)                        PostgreSQL
/// context          SqliteAgendaDbContext                   PostgresAgendaDbContext (+ pg_trgm GIN indexes)
/// startup          create the folder, migrate, WAL         migrate under an advisory lock (instances start together)
/// durability       Storage:Synchronous (Normal, Full)      the server's own (synchronous_commit, fsync)
/// checkpoints      beside the writer (SqliteCheckpoints)   the server's own
/// writers          this process only                       any number of instances: row locks and version checks
///                  (each process commits its writes in batches: Writing/WriteQueue)
/// reads by id      from this process's cache               from the database (another instance may have written)
/// search           FTS5 trigram MATCH, LIKE when short     LIKE '%term%', answered by the trigram indexes
/// batch inserts    one prepared INSERT, bound per row      EF Core's batched INSERTs, one round trip
/// other instances  none: nobody to tell, nothing to hear   pg_notify in each write's transaction; a ChangeListener
///                                                          LISTENs and republishes the others' writes here
/// cookie key ring  ASP.NET Core's default (user profile)   DataProtectionKeys table, one application name, its first
///                                                          key made under the migration lock (SharedKeyRing)
/// </code>
/// </summary>
internal abstract class StorageProvider(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>True when this process is the database's only writer: writes may queue in it and reads be cached.</summary>
    public abstract bool SoleWriter { get; }

    /// <summary>Registers the provider's pooled context factory, and the shared <c>IDbContextFactory&lt;AgendaDbContext&gt;</c> over it.</summary>
    public abstract void AddContexts(IServiceCollection services);

    /// <summary>Registers how writes are told to other instances (<c>IChangeAnnouncer</c>), and how theirs are heard.</summary>
    public abstract void AddChangeFeed(IServiceCollection services);

    /// <summary>Registers where the Data Protection keys of sign-in cookies and antiforgery tokens are kept.</summary>
    public abstract void AddKeyRing(IServiceCollection services);

    /// <summary>Brings the database to the current schema.</summary>
    /// <exception cref="StorageStartupException">The database cannot be reached or opened.</exception>
    public abstract Task InitializeAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>
    /// Saves a batch: what <paramref name="db"/> tracks (changed and deleted contacts) and the new contacts in
    /// <paramref name="created"/>, which have their ids, inside the transaction the caller commits.
    /// </summary>
    public virtual async Task SaveAsync(AgendaDbContext db, IReadOnlyList<ContactRow> created, CancellationToken ct)
    {
        db.Contacts.AddRange(created);
        await db.SaveChangesAsync(ct); // Npgsql sends all of a batch's statements in one round trip
    }

    /// <summary>
    /// Called by the writer after each batch commits, with how many contacts it changed (SQLite: the WAL is copied into
    /// the file beside the writer, and the contacts wait for the search index).
    /// </summary>
    public virtual void Committed(int contacts) { }

    /// <summary>Whether the writer should run <see cref="IndexChunkAsync"/> now (SQLite); PostgreSQL's indexes keep up inside each commit.</summary>
    public virtual bool IndexBehind(bool writerIdle) => false;

    /// <summary>Index work the provider leaves out of each commit, run by the writer between batches in its own transaction.</summary>
    public virtual Task IndexChunkAsync(AgendaDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The store is closing: stops what the provider runs in the background.</summary>
    public virtual Task StopAsync() => Task.CompletedTask;

    /// <summary>Rows whose search text contains <paramref name="text"/>, or whose phone digits contain <paramref name="digits"/> when given.</summary>
    public virtual IQueryable<ContactRow> Search(AgendaDbContext db, IQueryable<ContactRow> rows, string text, string? digits) =>
        ContactSearch.Substring(rows, text, digits);

    /// <summary>The one place the provider is chosen, from <c>Storage:Provider</c> and <c>ConnectionStrings:Agenda</c>.</summary>
    /// <exception cref="StorageStartupException">An unknown provider, or PostgreSQL without a usable connection string.</exception>
    public static StorageProvider From(IConfiguration configuration)
    {
        var provider = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        var synchronous = SqliteSynchronousSetting.From(configuration); // checked on PostgreSQL too: a typo is never silent
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteStorage(connectionString ?? StorageOptions.DefaultConnectionString, synchronous),
            "postgres" => PostgresStorage.Parse(connectionString),
            _ => throw new StorageStartupException(
                $"Storage:Provider '{provider}' is not supported: use 'Sqlite' (the default, a database file) or 'Postgres'."),
        };
    }
}
