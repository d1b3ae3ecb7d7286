using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Agenda.Core.Tests.Writing;

/// <summary>
/// On SQLite the count of every contact (what an open contacts page shows after each change) is kept by the writer
/// rather than counted again: it must stay what the database holds through every kind of write.
/// </summary>
public class ContactTotalTests
{
    [Fact]
    public async Task TheCountOfEveryContactStaysWhatTheDatabaseHoldsThroughEveryKindOfWrite()
    {
        await using var db = await SqliteStore.OpenAsync();
        Assert.Equal(0, await db.Store.CountAsync(null)); // read from the database, then kept
        var ana = await db.Store.CreateAsync(ContactCard.Simple("Ana", "", "", ""), Door.Rest);
        for (var i = 0; i < 4; i++) await db.Store.CreateAsync(ContactCard.Simple($"P{i}", "", "", ""), Door.Rmi);
        await db.Store.DeleteAsync(ana.Id, null, Door.Ui);
        await Assert.ThrowsAsync<ContactNotFoundException>(() => db.Store.DeleteAsync(ana.Id, null, Door.Ui));
        await Assert.ThrowsAsync<ContactValidationException>(() => db.Store.CreateAsync(ContactCard.Simple("", "", "", "not an email"), Door.Rest));
        await db.Store.ImportAsync([ContactCard.Simple("Bia", "", "", ""), ContactCard.Simple("Caio", "", "", "")], dryRun: false, Door.Rest);
        await db.Store.ImportAsync([ContactCard.Simple("Dora", "", "", "")], dryRun: true, Door.Rest);

        // A batch in which one write is refused and the others commit.
        using (var writer = new HeldWriter(db.Store))
        {
            var writes = new[]
            {
                db.Store.CreateAsync(ContactCard.Simple("E", "", "", ""), Door.Rest),
                db.Store.DeleteAsync(ana.Id, null, Door.Rest),
                db.Store.CreateAsync(ContactCard.Simple("F", "", "", ""), Door.Rest),
            };
            await writer.ReleaseWhenQueuedAsync(writes.Length);
            await Assert.ThrowsAsync<ContactNotFoundException>(() => writes[1]);
            await Task.WhenAll(writes[0], writes[2]);
        }

        Assert.Equal(8, await DatabaseCountAsync(db));
        Assert.Equal(8, await db.Store.CountAsync(null));
        Assert.Equal(8, await db.Store.CountAsync(ContactFilter.All));
        Assert.Equal(8, (await db.Store.ListAsync(null, -1, 5)).Total);
    }

    private static async Task<long> DatabaseCountAsync(SqliteStore db)
    {
        await using var connection = new SqliteConnection($"Data Source={db.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Contacts";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
