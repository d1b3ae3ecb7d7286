using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Storage.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Agenda.Core.Tests.RichContacts;

/// <summary>A database written before rich contacts opens with every contact intact and its phone and email primary.</summary>
public class RichContactsMigrationTests
{
    private const string LastSchemaBeforeRichContacts = "20261130111256_Accounts";

    [Fact]
    public async Task TodaysPhoneAndEmailBecomeThePrimaryEntriesAndEachContactGetsAUid()
    {
        var directory = Path.Combine(Path.GetTempPath(), "agenda-tests", Guid.NewGuid().ToString("n"));
        var file = Path.Combine(directory, "data", "agenda.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await WriteOldDatabaseAsync(file);

        await using var db = await SqliteStore.OpenAsync(directory);
        var ana = await db.Store.GetAsync(0);
        var bruno = await db.Store.GetAsync(1);

        Assert.Equal([new ContactPhone(ContactLabels.Mobile, "69 984059615", true)], ana.Card.Phones);
        Assert.Equal([new ContactEmail(ContactLabels.Home, "ana@example.com", true)], ana.Card.Emails);
        Assert.Equal(("Ana", "Silva", 3L), (ana.FirstName, ana.SecondName, ana.Version));
        Assert.Empty(bruno.Card.Phones); // an empty phone is no phone, not a blank entry
        Assert.True(Guid.TryParse(ana.Card.Uid, out _) && Guid.TryParse(bruno.Card.Uid, out _));
        Assert.NotEqual(ana.Card.Uid, bruno.Card.Uid);
        Assert.Equal([0L], (await db.Store.ListAsync("98405", -1, 10)).Items.Select(c => c.Id)); // the old search columns still answer
        Assert.Equal(2, (await db.Store.CreateAsync(ContactCard.Simple("Caio", "", "", ""), Door.Rest)).Id); // the id counter kept its place
    }

    /// <summary>The schema as the previous release left it, with two contacts written the way it wrote them.</summary>
    private static async Task WriteOldDatabaseAsync(string file)
    {
        var options = new DbContextOptionsBuilder<SqliteAgendaDbContext>().UseSqlite($"Data Source={file}").Options;
        await using (var context = new SqliteAgendaDbContext(options))
            await context.GetService<IMigrator>().MigrateAsync(LastSchemaBeforeRichContacts);
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Contacts (Id, FirstName, SecondName, PhoneNumber, Email, Version, CreatedAt, UpdatedAt, SearchText, PhoneDigits)
            VALUES (0, 'Ana', 'Silva', '69 984059615', 'ana@example.com', 3, '2026-11-01 10:00:00', '2026-11-02 10:00:00',
                    'ana silva' || char(10) || 'ana@example.com', '69984059615'),
                   (1, 'Bruno', '', '', '', 1, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 'bruno ' || char(10), '');
            UPDATE IdCounters SET Next = 2 WHERE Name = 'contacts';
            """;
        await insert.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }
}
