using Agenda.Core.Contacts;
using Agenda.Core.Tests.Providers;

namespace Agenda.Core.Tests.Writing;

/// <summary>
/// Group commit, on both providers: writes queued together are one batch, each refused write fails alone with the
/// exception it gets on its own, and ids and change events follow the order callers are answered in.
/// </summary>
public abstract class GroupCommitTests<TKind> where TKind : IStoreKind
{
    private static ContactCard Card(string name, string uid = "") => ContactCard.Simple(name, "", "", "") with { Uid = uid };

    [Fact]
    public async Task EachRefusedWriteInABatchFailsAloneAndTheOthersCommitInOneTransaction()
    {
        await using var db = await TKind.OpenAsync();
        var kept = await db.Store.CreateAsync(Card("Kept", "uid-kept"), Door.Rest);
        var doomed = await db.Store.CreateAsync(Card("Doomed"), Door.Rest);
        var changed = await db.Store.UpdateAsync(kept.Id, Card("Kept Twice"), null, Door.Rest); // version 2

        using var writer = new HeldWriter(db.Store);
        var first = db.Store.CreateAsync(Card("First"), Door.Rmi);
        var missing = db.Store.PatchAsync(404, new ContactPatch(SecondName: "Nobody"), null, Door.Rest);
        var stale = db.Store.UpdateAsync(kept.Id, Card("Stale"), 1, Door.Ui);
        var takenUid = db.Store.CreateAsync(Card("Twin", "uid-kept"), Door.Rest);
        var invalid = db.Store.PatchAsync(kept.Id, new ContactPatch(Email: "not-an-email"), null, Door.Rest);
        var delete = db.Store.DeleteAsync(doomed.Id, doomed.Version, Door.Ui);
        var second = db.Store.CreateAsync(Card("Second"), Door.Rest);
        await writer.ReleaseWhenQueuedAsync(7);

        Assert.Equal(404, (await Assert.ThrowsAsync<ContactNotFoundException>(() => missing)).Id);
        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(() => stale);
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal([$"Contact {kept.Id} already has this UID."], (await Assert.ThrowsAsync<ContactValidationException>(() => takenUid)).Errors["Uid"]);
        Assert.Contains("Emails[0].Address", (await Assert.ThrowsAsync<ContactValidationException>(() => invalid)).Errors.Keys);
        await delete;
        Assert.Equal(new[] { 2L, 3L }, new[] { (await first).Id, (await second).Id }); // dense: the refused create took no id
        Assert.Equal(1, writer.BatchesSince);

        Assert.Equal(changed, await db.Store.GetAsync(kept.Id));
        await Assert.ThrowsAsync<ContactNotFoundException>(() => db.Store.GetAsync(doomed.Id));
        Assert.Equal(["Kept Twice", "First", "Second"], await db.Store.ReadAllAsync().Select(c => c.FirstName).ToListAsync());
    }

    [Fact]
    public async Task ManyWritersThroughEveryDoorAtOnceGetDenseIdsAndEachWriteIsStoredOnce()
    {
        await using var db = await TKind.OpenAsync();
        var published = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (published) published.Add(c); return Task.CompletedTask; });
        Door[] doors = [Door.Rmi, Door.Rest, Door.Ui];

        var creates = Enumerable.Range(0, 150).Select(i => Task.Run(async () => (await db.Store.CreateAsync(Card($"W{i}"), doors[i % 3])).Id));
        var imports = Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
            (await db.Store.ImportAsync([Card($"I{i}a"), Card($"I{i}b")], dryRun: false, Door.Rest)).Select(o => o.Id!.Value)));
        var ids = (await Task.WhenAll(creates)).Concat((await Task.WhenAll(imports)).SelectMany(i => i)).ToList();

        Assert.Equal(Enumerable.Range(0, 160).Select(i => (long)i), ids.Order());
        var stored = await db.Store.ReadAllAsync().ToListAsync();
        Assert.Equal(160, stored.Select(c => c.FirstName).Distinct().Count());
        Assert.Equal(stored.Select(c => c.Id), published.Select(c => c.ContactId).Order());
        Assert.All(published, c => Assert.Equal(c.Contact!.FirstName.StartsWith('I') ? Door.Rest : doors[int.Parse(c.Contact.FirstName[1..]) % 3], c.Door));
    }

    [Fact]
    public async Task IdsAndChangeEventsFollowTheOrderCallersAreAnsweredIn()
    {
        await using var db = await TKind.OpenAsync();
        var published = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (published) published.Add(c); return Task.CompletedTask; });
        var seen = new List<(long Id, long[] PublishedIds)>(); // what had been published when each caller was answered

        using var writer = new HeldWriter(db.Store);
        var writes = Enumerable.Range(0, 30).Select(i => db.Store.CreateAsync(Card($"C{i}"), new WriteOrigin(Door.Rmi, $"client {i}"))
            .ContinueWith(t =>
            {
                lock (published) seen.Add((t.Result.Id, [.. published.Select(c => c.ContactId)]));
                return t.Result;
            }, TaskContinuationOptions.ExecuteSynchronously)).ToList();
        await writer.ReleaseWhenQueuedAsync(30);
        var created = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), created.Select(c => c.Id)); // in the order they were queued
        Assert.Equal(created.Select(c => (c.Id, $"client {c.Id}")), published.Select(c => (c.ContactId, c.Who!)));
        Assert.All(seen, s => Assert.Equal(Enumerable.Range(0, (int)s.Id + 1).Select(i => (long)i), s.PublishedIds.Take((int)s.Id + 1)));
    }

    [Fact]
    public async Task TwoWritesOfOneContactInABatchMakeTwoVersionsInOrder()
    {
        await using var db = await TKind.OpenAsync();
        var ana = await db.Store.CreateAsync(Card("Ana"), Door.Rest);

        using var writer = new HeldWriter(db.Store);
        var surname = db.Store.PatchAsync(ana.Id, new ContactPatch(SecondName: "Silva"), 1, Door.Rest);
        var email = db.Store.PatchAsync(ana.Id, new ContactPatch(Email: "ana@example.com"), 2, Door.Ui);
        var gone = db.Store.DeleteAsync(ana.Id, 3, Door.Rmi);
        var after = db.Store.PatchAsync(ana.Id, new ContactPatch(SecondName: "Late"), null, Door.Rest);
        await writer.ReleaseWhenQueuedAsync(4);

        Assert.Equal((2L, "Silva", ""), ((await surname).Version, (await surname).SecondName, (await surname).Email));
        Assert.Equal((3L, "Silva", "ana@example.com"), ((await email).Version, (await email).SecondName, (await email).Email));
        await gone;
        await Assert.ThrowsAsync<ContactNotFoundException>(() => after);
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task AWriteCancelledWhileItWaitsIsNeverStoredAndTakesNoId()
    {
        await using var db = await TKind.OpenAsync();
        using var cancel = new CancellationTokenSource();

        using var writer = new HeldWriter(db.Store);
        var kept = db.Store.CreateAsync(Card("Kept"), Door.Rest);
        var cancelled = db.Store.CreateAsync(Card("Cancelled"), Door.Rest, cancel.Token);
        var next = db.Store.CreateAsync(Card("Next"), Door.Rest);
        await Eventually.TrueAsync(() => writer.Waiting == 3, "three writes queued");
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        writer.Dispose();

        Assert.Equal(new[] { 0L, 1L }, new[] { (await kept).Id, (await next).Id });
        Assert.Equal(["Kept", "Next"], await db.Store.ReadAllAsync().Select(c => c.FirstName).ToListAsync());
    }

    [Fact]
    public async Task AnImportQueuedAmongOtherWritesCommitsInItsOwnTransactionInQueueOrder()
    {
        await using var db = await TKind.OpenAsync();

        using var writer = new HeldWriter(db.Store);
        var before = db.Store.CreateAsync(Card("Before"), Door.Rest);
        var import = db.Store.ImportAsync([Card("Imported 1"), Card("Imported 2")], dryRun: false, Door.Rest);
        var after = db.Store.CreateAsync(Card("After"), Door.Rmi);
        await writer.ReleaseWhenQueuedAsync(3);

        Assert.Equal(0, (await before).Id);
        Assert.Equal([1L, 2L], (await import).Select(o => o.Id!.Value));
        Assert.Equal(3, (await after).Id);
        Assert.Equal(3, writer.BatchesSince); // the write before it, the import, the write after it
    }
}

public sealed class GroupCommitTestsOnSqlite : GroupCommitTests<OnSqlite>;

public sealed class GroupCommitTestsOnPostgres : GroupCommitTests<OnPostgres>;
