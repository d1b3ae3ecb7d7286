using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Inserts a batch's new contacts on SQLite with one prepared INSERT, bound again for each row. EF Core sends SQLite
/// one command per row, each generated and parsed anew, which costs more than the insert itself; the columns and the
/// conversion of each value come from EF's model, so the two cannot drift apart.
/// </summary>
internal static class SqliteContactInserts
{
    public static void Insert(AgendaDbContext db, IReadOnlyList<ContactRow> rows)
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(ContactRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetTypeMapping().Converter)).ToArray();

        using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            INSERT INTO "{table.Name}" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))})
            VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})
            """;
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++) parameters[i].Value = columns[i].ValueOf(row);
            command.ExecuteNonQuery(); // in-process: the async overload would only wrap this
        }
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object ValueOf(ContactRow row)
        {
            var value = Getter.GetClrValue(row);
            return (Converter is null ? value : Converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
    }
}
