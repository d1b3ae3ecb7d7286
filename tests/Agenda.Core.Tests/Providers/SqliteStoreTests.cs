using Agenda.Core.Storage.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Tests.Providers;

/// <summary>What only SQLite has: the file's journal mode and the migration history of databases already in the field.</summary>
public class SqliteStoreTests
{
    [Fact]
    public async Task TheDatabaseFileUsesWriteAheadLogging()
    {
        await using var db = await SqliteStore.OpenAsync();
        await using var connection = new SqliteConnection($"Data Source={db.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnEmptyFileGetsTheMigrationsDatabasesInTheFieldAlreadyRecorded()
    {
        await using var db = await SqliteStore.OpenAsync();
        await using var connection = new SqliteConnection($"Data Source={db.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT MigrationId FROM "__EFMigrationsHistory" ORDER BY MigrationId""";
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) applied.Add(reader.GetString(0));

        // A database in the field names these in its history; renaming one would make EF run it again on that database.
        string[] released = ["20261124055529_InitialCreate", "20261124210000_ContactsSearchIndex", "20261130111256_Accounts", "20261130122419_RichContacts", "20261130190000_SearchIndexBacklog"];
        Assert.Equal(released, applied);
        await using var context = new SqliteAgendaDbContext(new DbContextOptionsBuilder<SqliteAgendaDbContext>().UseSqlite($"Data Source={db.DatabaseFile}").Options);
        Assert.Equal(released, context.Database.GetMigrations());
    }
}
