using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// SQLite's trigram index, kept in bulk by the writer rather than row by row by each write. FTS5 writes a new
/// segment for every transaction that touches the index and merges segments as they pile up, so under load a batch of
/// eight contacts cost it about 30 µs per contact against 10 µs in a chunk of thousands, and that cost sat inside every
/// commit (with the per-write triggers, 16 connections inserted 8,000-9,000 contacts/s; without any index, 14,000-15,000).
/// Now a commit only notes its contacts in the backlog (migration <c>SearchIndexBacklog</c>), and the writer indexes
/// them here, a chunk at a time: once a <see cref="Chunk"/> waits, and whenever no write has come for a moment.
/// A search reads the index for the contacts it is current for and the backlog's contacts by their text
/// (<see cref="Matching"/>), in one statement, so what it finds never depends on how far the writer got.
/// </summary>
internal sealed class SqliteSearchIndex
{
    /// <summary>
    /// Contacts indexed per transaction at most, and how many may wait before the writer indexes between busy batches:
    /// a search reads at most about this many by their text (a millisecond), and a chunk holds the writer for tens.
    /// </summary>
    public const int Chunk = 4096;

    private long _waiting = 1; // unknown at start (a process may have stopped with a backlog): look once the writer is idle

    /// <summary>The writer committed a batch that changed <paramref name="contacts"/> contacts.</summary>
    public void Committed(int contacts) => Interlocked.Add(ref _waiting, contacts);

    /// <summary>Whether the writer should index now: a full chunk waits, or anything waits and the writer is idle.</summary>
    public bool Behind(bool writerIdle) => Interlocked.Read(ref _waiting) >= (writerIdle ? 1 : Chunk);

    /// <summary>Indexes the next chunk of the backlog in one transaction on the writer's connection.</summary>
    public async Task IndexChunkAsync(AgendaDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        command.CommandText = $"""
            SELECT max(Id) FROM (SELECT Id FROM ContactsSearchBacklog ORDER BY Id LIMIT {Chunk});
            """;
        if (await command.ExecuteScalarAsync(ct) is not long last)
        {
            Interlocked.Exchange(ref _waiting, 0);
            return;
        }
        // A contact the index holds loses its entry first; a deleted one gets none back (the join finds no row).
        command.CommandText = """
            DELETE FROM ContactsSearch WHERE rowid IN (SELECT Id FROM ContactsSearchBacklog WHERE Id <= $last AND Indexed = 1);
            INSERT INTO ContactsSearch (rowid, SearchText, PhoneDigits)
                SELECT c.Id, c.SearchText, c.PhoneDigits FROM ContactsSearchBacklog b CROSS JOIN Contacts c ON c.Id = b.Id WHERE b.Id <= $last;
            DELETE FROM ContactsSearchBacklog WHERE Id <= $last;
            SELECT count(*) FROM ContactsSearchBacklog;
            """;
        command.Parameters.AddWithValue("$last", last);
        var left = (long)(await command.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        Interlocked.Exchange(ref _waiting, left);
    }

    /// <summary>
    /// The ids of contacts matching the FTS5 query <c>$match</c>, or the LIKE patterns <c>$text</c> (and <c>$digits</c>,
    /// which may be null) for the contacts the index is not current for. The backlog must stay the outer loop of its
    /// join (CROSS JOIN says so): with the OR and no statistics SQLite would otherwise scan every contact and probe it.
    /// </summary>
    public const string MatchingSql = """
        SELECT rowid AS Value FROM ContactsSearch
        WHERE ContactsSearch MATCH $match AND rowid NOT IN (SELECT Id FROM ContactsSearchBacklog)
        UNION ALL
        SELECT c.Id AS Value FROM ContactsSearchBacklog b CROSS JOIN Contacts c ON c.Id = b.Id
        WHERE c.SearchText LIKE $text ESCAPE '\' OR c.PhoneDigits LIKE $digits ESCAPE '\'
        """;

    public static IQueryable<long> Matching(AgendaDbContext db, string match, string textPattern, string? digitsPattern) =>
        db.Database.SqlQueryRaw<long>(MatchingSql, new SqliteParameter("$match", match), new SqliteParameter("$text", textPattern),
            new SqliteParameter("$digits", (object?)digitsPattern ?? DBNull.Value));
}
