using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage;

/// <summary>
/// Hands out contact ids: from 0, dense, never reused after a delete, across every process sharing the database.
/// </summary>
internal static class ContactIds
{
    /// <summary>
    /// Takes the next <paramref name="count"/> ids and returns the first, in one statement inside the caller's
    /// transaction. The UPDATE holds the counter row's lock until commit, so a second writer (this process or another
    /// instance) waits and then reads the advanced value, never the same one; a rollback returns the ids with it, so a
    /// failed insert leaves no gap. RETURNING needs SQLite 3.35 or later (the bundled one is newer).
    /// </summary>
    public static async Task<long> TakeAsync(AgendaDbContext db, int count, CancellationToken ct)
    {
        var n = (long)count;
        var first = await db.Database.SqlQuery<long>($"""
            UPDATE "IdCounters" SET "Next" = "Next" + {n} WHERE "Name" = {AgendaDbContext.ContactIdCounter} RETURNING "Next" - {n} AS "Value"
            """).ToListAsync(ct); // not composed (no First): PostgreSQL cannot select from an UPDATE in a subquery
        return first.Single();
    }
}
