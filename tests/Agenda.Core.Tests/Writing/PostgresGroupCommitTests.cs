using Agenda.Core.Contacts;
using Npgsql;

namespace Agenda.Core.Tests.Writing;

/// <summary>
/// A batch on PostgreSQL that loses a race to another instance between reading a contact and saving it: the batch rolls
/// back and each write runs again alone, with the answers a lone write gets (a conflict for a named version, a retry
/// that lands for a patch without one), and the batch's other writes still commit.
/// </summary>
public sealed class PostgresGroupCommitTests : IAsyncLifetime
{
    private PostgresStore _store = null!;

    public async Task InitializeAsync() => _store = await PostgresStore.OpenAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AContactAnotherInstanceChangesWhileTheBatchSavesGetsTodaysConflictAndRetryRules()
    {
        var store = _store.Store;
        var named = await store.CreateAsync(ContactCard.Simple("Named", "", "", ""), Door.Rest);
        var unnamed = await store.CreateAsync(ContactCard.Simple("Unnamed", "", "", ""), Door.Rest);

        // The other instance's write: it has changed both contacts, and holds their row locks until it commits.
        await using var other = new NpgsqlConnection(_store.Database.ConnectionString);
        await other.OpenAsync();
        await using var otherWrite = await other.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("""UPDATE "Contacts" SET "SecondName" = 'Other', "Version" = 2 WHERE "Id" IN (0, 1)""", other, otherWrite))
            Assert.Equal(2, await update.ExecuteNonQueryAsync());

        using var writer = new HeldWriter(store);
        var conflicting = store.PatchAsync(named.Id, new ContactPatch(Email: "named@example.com"), 1, Door.Rest);
        var retried = store.PatchAsync(unnamed.Id, new ContactPatch(Email: "unnamed@example.com"), null, Door.Rmi);
        var created = store.CreateAsync(ContactCard.Simple("Created", "", "", ""), Door.Ui);
        await writer.ReleaseWhenQueuedAsync(3);
        // The batch read version 1 of both and now waits on the row locks; the other instance commits.
        await Eventually.TrueAsync(async () => (await _store.Database.QueryAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"))[0] != "0",
            () => "the batch waiting for the other instance's row locks");
        await otherWrite.CommitAsync();

        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(() => conflicting);
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        var landed = await retried;
        Assert.Equal(("Other", "unnamed@example.com", 3L), (landed.SecondName, landed.Email, landed.Version));
        Assert.Equal(2, (await created).Id);
        Assert.Equal(("Other", "", 2L), ((await store.GetAsync(named.Id)).SecondName, (await store.GetAsync(named.Id)).Email, (await store.GetAsync(named.Id)).Version));
    }
}
