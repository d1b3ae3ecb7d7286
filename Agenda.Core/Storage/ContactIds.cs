using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// failed insert leaves no gap. RETURNING needs SQLite 3.35 or later (the bundled one is newer). A plain command on
    /// the context's connection: once per batch, it would cost more through EF's query pipeline than it does to run.
    /// </summary>
    public static async Task<long> TakeAsync(AgendaDbContext db, int count, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """UPDATE "IdCounters" SET "Next" = "Next" + @count WHERE "Name" = @name RETURNING "Next" - @count""";
        Add(command, "count", (long)count);
        Add(command, "name", AgendaDbContext.ContactIdCounter);
        return (long)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("the contact id counter is missing"));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
