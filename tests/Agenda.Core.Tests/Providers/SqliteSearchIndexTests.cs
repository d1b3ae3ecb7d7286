using Agenda.Core.Contacts;
using Agenda.Core.Storage.Providers;
using Agenda.Core.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Core.Tests.Providers;

/// <summary>
/// SQLite's trigram index is written by the writer in bulk, after the commits it covers: a search finds the same
/// contacts whether the index has caught up or not. On a fake clock the writer never goes idle, so the backlog stays
/// until the test moves the clock.
/// </summary>
public class SqliteSearchIndexTests
{
    [Fact]
    public async Task SearchFindsCreatedRenamedAndDeletedContactsBeforeAndAfterTheIndexCatchesUp()
    {
        var clock = new FakeTimeProvider();
        await using var db = await SqliteStore.OpenAsync(clock: clock);
        var ana = await db.Store.CreateAsync(ContactCard.Simple("Ana", "Silva", "69 984059615", "ana@example.com"), Door.Rest);
        var bruno = await db.Store.CreateAsync(ContactCard.Simple("Bruno", "Costa", "11 5550123", ""), Door.Rmi);
        var caio = await db.Store.CreateAsync(ContactCard.Simple("Caio", "Prado", "", "caio@example.com"), Door.Ui);
        // Indexed now (the clock moves once), then changed: the index holds Bruno Costa and Caio, the backlog says otherwise.
        await CatchUpAsync(db, clock);
        await db.Store.UpdateAsync(bruno.Id, ContactCard.Simple("Bruna", "Souza", "11 5550123", ""), null, Door.Rest);
        await db.Store.DeleteAsync(caio.Id, null, Door.Rest);
        var dora = await db.Store.CreateAsync(ContactCard.Simple("Dora", "Silveira", "21 7770000", ""), Door.Rest);

        Assert.True(await BacklogAsync(db) > 0, "the writes are still waiting for the index");
        await AssertSearchesAsync(db, ana.Id, bruno.Id, dora.Id);

        await CatchUpAsync(db, clock);
        await AssertSearchesAsync(db, ana.Id, bruno.Id, dora.Id);
    }

    [Fact]
    public async Task TheIndexCatchesUpOnceTheWriterHasBeenIdle()
    {
        var clock = new FakeTimeProvider();
        await using var db = await SqliteStore.OpenAsync(clock: clock);
        for (var i = 0; i < 20; i++) await db.Store.CreateAsync(ContactCard.Simple($"Pessoa{i}", "Teste", "", ""), Door.Rest);
        Assert.Equal(20, await BacklogAsync(db));

        await CatchUpAsync(db, clock);
        Assert.Equal(20, await IndexedAsync(db));
        Assert.Single((await db.Store.ListAsync("pessoa17", -1, 10)).Items);
    }

    [Theory]
    [InlineData("élodie", 1)]
    [InlineData("ZÉ ", 1)]
    [InlineData("example.com", 2)]
    [InlineData("(11) 5555", 1)]
    [InlineData("a\"b", 1)]
    [InlineData("50%", 1)]
    [InlineData("a_b", 1)]
    [InlineData("c:\\t", 1)]
    [InlineData("nobody", 0)]
    public async Task ATermFindsTheSameContactsFromTheBacklogAsFromTheIndex(string term, int expected)
    {
        var clock = new FakeTimeProvider();
        await using var db = await SqliteStore.OpenAsync(clock: clock);
        await db.Store.CreateAsync(ContactCard.Simple("Élodie", "Dupont", "+55 11 5555-1234", "elodie@example.com"), Door.Rest);
        await db.Store.CreateAsync(ContactCard.Simple("Zé", "", "", "ze@example.com") with { Notes = "say a\"b, 50% off, path a_b" }, Door.Rest);
        await db.Store.CreateAsync(ContactCard.Simple("Caio", "", "", "") with { Notes = "c:\\temp, 5000 off, path axb" }, Door.Rest);

        var fromBacklog = await FoundAsync(db, term);
        await CatchUpAsync(db, clock);
        Assert.Equal(expected, fromBacklog.Length);
        Assert.Equal(fromBacklog, await FoundAsync(db, term));
    }

    [Fact]
    public async Task ASearchReadsTheBacklogAndLooksItsContactsUpByIdWithoutScanningTheContacts()
    {
        await using var db = await SqliteStore.OpenAsync(clock: new FakeTimeProvider());
        for (var i = 0; i < 3; i++) await db.Store.CreateAsync(ContactCard.Simple($"Pessoa{i}", "Teste", "", ""), Door.Rest);

        await using var connection = new SqliteConnection($"Data Source={db.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteSearchIndex.MatchingSql;
        command.Parameters.AddWithValue("$match", "SearchText : \"pessoa\"");
        command.Parameters.AddWithValue("$text", "%pessoa%");
        command.Parameters.AddWithValue("$digits", DBNull.Value);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.StartsWith("SCAN ContactsSearch VIRTUAL TABLE"));
        Assert.Contains("SCAN b", plan);
        Assert.DoesNotContain("SCAN c", plan); // every contact read once per search: what 100,000 contacts made 25-50 ms
    }

    private static async Task AssertSearchesAsync(SqliteStore db, long ana, long bruno, long dora)
    {
        Assert.Equal([ana, dora], await FoundAsync(db, "silv"));   // Silva, Silveira (new)
        Assert.Equal([bruno], await FoundAsync(db, "bruna souza")); // renamed: found by its new name
        Assert.Empty(await FoundAsync(db, "costa"));               // ... and not by its old one
        Assert.Empty(await FoundAsync(db, "caio"));                // deleted
        Assert.Equal([ana], await FoundAsync(db, "984059"));      // phone digits
        Assert.Equal([dora], await FoundAsync(db, "7770"));
    }

    private static async Task<long[]> FoundAsync(SqliteStore db, string term) =>
        (await db.Store.ListAsync(term, -1, 50)).Items.Select(c => c.Id).ToArray();

    /// <summary>Moves the clock past the writer's idle wait until the backlog is empty.</summary>
    private static Task CatchUpAsync(SqliteStore db, FakeTimeProvider clock) => Eventually.TrueAsync(async () =>
    {
        clock.Advance(DeferredIndexing.IdleBeforeIndexing);
        return await BacklogAsync(db) == 0;
    }, () => "the writer indexed its backlog");

    private static Task<long> BacklogAsync(SqliteStore db) => CountAsync(db, "SELECT count(*) FROM ContactsSearchBacklog");

    private static Task<long> IndexedAsync(SqliteStore db) => CountAsync(db, "SELECT count(*) FROM ContactsSearch WHERE ContactsSearch MATCH 'teste'");

    private static async Task<long> CountAsync(SqliteStore db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
