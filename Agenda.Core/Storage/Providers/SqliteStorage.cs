using Agenda.Core.Storage.Changes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// A database file that belongs to one Agenda process (README: "Where data is stored"): SQLite has a single writer, so
/// writes queue in this process, and nobody else writes, so reads by id may come from this process's cache.
/// </summary>
internal sealed class SqliteStorage(string connectionString, SqliteSynchronous synchronous) : StorageProvider(connectionString)
{
    // The trigram index cannot answer terms shorter than one trigram; those scan (they match many rows anyway).
    private const int ShortestIndexedTerm = 3;

    public override bool SoleWriter => true;

    private readonly SqliteCheckpoints _checkpoints = new(connectionString, synchronous);
    private readonly SqliteSearchIndex _searchIndex = new();

    /// <summary>When a commit waits for the disk (<c>Storage:Synchronous</c>).</summary>
    public SqliteSynchronous Synchronous => synchronous;

    public override void Committed(int contacts)
    {
        _searchIndex.Committed(contacts);
        _checkpoints.AfterCommit();
    }

    public override bool IndexBehind(bool writerIdle) => _searchIndex.Behind(writerIdle);

    public override async Task IndexChunkAsync(AgendaDbContext db, CancellationToken ct)
    {
        await _searchIndex.IndexChunkAsync(db, ct);
        _checkpoints.AfterCommit();
    }

    public override Task StopAsync() => _checkpoints.StopAsync();

    public override void AddContexts(IServiceCollection services)
    {
        services.AddPooledDbContextFactory<SqliteAgendaDbContext>(db => db.UseSqlite(ConnectionString)
            .AddInterceptors(new SqliteConnectionSettings(synchronous)));
        services.TryAddSingleton<IDbContextFactory<AgendaDbContext>, AgendaDbContextFactory<SqliteAgendaDbContext>>();
    }

    public override void AddChangeFeed(IServiceCollection services) => services.TryAddSingleton<IChangeAnnouncer, NobodyToTell>();

    // One process: ASP.NET Core's default ring in the user profile (~/.aspnet/DataProtection-Keys) serves it.
    public override void AddKeyRing(IServiceCollection services) { }

    public override async Task InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        try
        {
            CreateDataDirectory(file);
            await using var db = await services.GetRequiredService<IDbContextFactory<SqliteAgendaDbContext>>().CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
            // WAL is a property of the file: readers never block the writer, and a committed write survives a process
            // crash (it is in the operating system's hands before COMMIT returns). Storage:Synchronous says what
            // survives a power cut.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException(
                $"Cannot open the SQLite database '{file}' ({StorageOptions.ConnectionStringSetting}): {e.Message}", e);
        }
    }

    /// <summary>Changes and deletes first, so a UID one of them frees may go to a new contact of the same batch.</summary>
    public override async Task SaveAsync(AgendaDbContext db, IReadOnlyList<ContactRow> created, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        SqliteContactInserts.Insert(db, created);
    }

    public override IQueryable<ContactRow> Search(AgendaDbContext db, IQueryable<ContactRow> rows, string text, string? digits)
    {
        if (!Indexable(text) || (digits is not null && !Indexable(digits))) return base.Search(db, rows, text, digits);
        // FTS5 query syntax: a double-quoted string is a phrase, which the trigram tokenizer matches as a substring.
        var match = digits is null
            ? $"SearchText : {Phrase(text)}"
            : $"SearchText : {Phrase(text)} OR PhoneDigits : {Phrase(digits)}";
        var ids = SqliteSearchIndex.Matching(db, match, ContactSearch.LikePattern(text), digits is null ? null : ContactSearch.LikePattern(digits));
        return rows.Where(r => ids.Contains(r.Id));
    }

    private static bool Indexable(string term) => term.EnumerateRunes().Count() >= ShortestIndexedTerm;

    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";

    private static void CreateDataDirectory(string file)
    {
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
