using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Storage.Changes;
using Npgsql;

namespace Agenda.Core.Tests.Changes;

/// <summary>
/// Two instances in this process on one PostgreSQL database, each with its change listener: what one writes, the
/// other's notifier publishes, with the door and who, as its own writes are published.
/// </summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private ListeningInstance _a = null!;
    private ListeningInstance _b = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateMigratedAsync();
        _a = await ListeningInstance.StartAsync(_database);
        _b = await ListeningInstance.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EachWriteOnOneInstanceIsPublishedOnTheOtherWithItsDoorWhoAndVersion()
    {
        var created = await _a.Store.CreateAsync(ContactCard.Simple("Ana", "Silva", "555 0101", ""), new WriteOrigin(Door.Rmi, "127.0.0.1:50422"));
        Assert.Equal(new ContactChange(created.Id, ChangeKind.Created, 1, Door.Rmi, created, "127.0.0.1:50422"),
            await _b.Heard.WaitForAsync(c => c.Kind == ChangeKind.Created, "the create, heard on B"));

        var updated = await _a.Store.PatchAsync(created.Id, new ContactPatch(Email: "ana@example.com"), 1, new WriteOrigin(Door.Rest, "ana"));
        Assert.Equal(new ContactChange(created.Id, ChangeKind.Updated, 2, Door.Rest, updated, "ana"),
            await _b.Heard.WaitForAsync(c => c.Kind == ChangeKind.Updated, "the update, heard on B"));

        await _a.Store.DeleteAsync(created.Id, 2, Door.Ui);
        Assert.Equal(new ContactChange(created.Id, ChangeKind.Deleted, 2, Door.Ui, null),
            await _b.Heard.WaitForAsync(c => c.Kind == ChangeKind.Deleted, "the delete, heard on B"));
        Assert.Equal(4, _b.Heard.Changes.Count); // and the resync of the listener's start
    }

    [Fact]
    public async Task AContactChangedAgainBeforeItsNoticeIsReadIsPublishedAsItIsNowWithTheVersionEachWriteMade()
    {
        var created = await _a.Store.CreateAsync(ContactCard.Simple("Ana", "", "", ""), Door.Rest);
        var updated = await _a.Store.PatchAsync(created.Id, new ContactPatch(SecondName: "Silva"), null, Door.Rest);

        await _b.Heard.WaitForAsync(c => c.Kind == ChangeKind.Updated, "the update, heard on B");
        var heard = _b.Heard.Changes.Where(c => c.Kind != ChangeKind.Resync).ToList();
        Assert.Equal([(ChangeKind.Created, 1L), (ChangeKind.Updated, 2L)], heard.Select(c => (c.Kind, c.Version)));
        Assert.Equal(updated, heard[1].Contact);
        Assert.Contains(heard[0].Contact, new[] { created, updated }); // as read when its notice arrived
    }

    [Fact]
    public async Task AnInstanceSkipsItsOwnNoticesSoItsPagesHearEachOfItsWritesOnce()
    {
        var own = await _a.Store.CreateAsync(ContactCard.Simple("Own", "", "", ""), Door.Rest);
        var marker = await _b.Store.CreateAsync(ContactCard.Simple("Marker", "", "", ""), Door.Rest);

        // A's listener hears notices in commit order: once it has published B's marker, it has read its own one too.
        await _a.Heard.WaitForAsync(c => c.ContactId == marker.Id, "B's marker, heard on A");
        Assert.Equal([own.Id, marker.Id], _a.Heard.Changes.Where(c => c.Kind == ChangeKind.Created).Select(c => c.ContactId));
    }

    [Fact]
    public async Task AWriteThatIsRefusedOrRolledBackAnnouncesNothing()
    {
        var ana = await _a.Store.CreateAsync(ContactCard.Simple("Ana", "", "", "") with { Uid = "uid-ana" }, Door.Rest);
        await Assert.ThrowsAsync<ContactVersionConflictException>(() => _a.Store.PatchAsync(ana.Id, new ContactPatch(SecondName: "Stale"), 7, Door.Rest));
        await Assert.ThrowsAsync<ContactValidationException>(() => _a.Store.CreateAsync(ContactCard.Simple("Twin", "", "", "") with { Uid = "uid-ana" }, Door.Rest));
        var marker = await _a.Store.CreateAsync(ContactCard.Simple("Marker", "", "", ""), Door.Rest);

        await _b.Heard.WaitForAsync(c => c.ContactId == marker.Id, "the marker, heard on B");
        Assert.Equal([(ana.Id, ChangeKind.Created), (marker.Id, ChangeKind.Created)],
            _b.Heard.Changes.Where(c => c.Kind != ChangeKind.Resync).Select(c => (c.ContactId, c.Kind)));
    }

    [Fact]
    public async Task AnImportOfTenThousandIsOneNoticeAndEveryContactIsPublishedOnTheOther()
    {
        await using var session = await NoticeCounter.StartAsync(_database);
        var cards = Enumerable.Range(0, 10_000).Select(i => ContactCard.Simple($"Imported {i}", "", $"555 {i:D5}", "") with { Uid = $"uid-{i}" }).ToList();

        await _a.Store.ImportAsync(cards, dryRun: false, new WriteOrigin(Door.Rest, "ana"));
        await _b.Heard.WaitForAsync(c => c.ContactId == 9_999, "the import's last contact, heard on B", TimeSpan.FromSeconds(30));
        await _a.Store.ImportAsync([.. cards.Select(c => c with { Notes = "again" })], dryRun: false, new WriteOrigin(Door.Rest, "ana"));
        await _b.Heard.WaitForAsync(c => c is { ContactId: 9_999, Kind: ChangeKind.Updated }, "the second import's last update", TimeSpan.FromSeconds(30));

        var heard = _b.Heard.Changes.Where(c => c.Kind != ChangeKind.Resync).ToList();
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i).Concat(Enumerable.Range(0, 10_000).Select(i => (long)i)), heard.Select(c => c.ContactId));
        Assert.All(heard, c => Assert.Equal((Door.Rest, "ana"), (c.Door, c.Who)));
        Assert.Equal($"Imported 1234", heard[1234].Contact!.FirstName);
        Assert.Equal(("again", 2L), (heard[10_000 + 1234].Contact!.Card.Notes, heard[10_000 + 1234].Version));
        await Eventually.TrueAsync(() => session.Count >= 2, "the test's own session hearing both imports");
        Assert.Equal(2, session.Count); // one per import, not one per contact
    }

    [Fact]
    public async Task WhenTheListenersSessionIsEndedItConnectsAgainAndTellsPagesToReload()
    {
        Assert.Equal(ChangeFeedState.Listening, _b.Status.Current.State);

        var ended = await _database.QueryAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{_b.ListenerApplicationName}'");

        Assert.Equal(["True"], ended);
        await Eventually.TrueAsync(() => _b.Heard.Resyncs == 2, "a second resync on B, after the listener is back");
        Assert.Equal(ChangeFeedState.Listening, _b.Status.Current.State);
        var later = await _a.Store.CreateAsync(ContactCard.Simple("Later", "", "", ""), Door.Ui);
        await _b.Heard.WaitForAsync(c => c.ContactId == later.Id, "a write after the reconnect, heard on B");
    }

    [Fact]
    public async Task SomethingOnTheChannelThatIsNotANoticeMakesPagesReloadAndTheListenerCarriesOn()
    {
        await _database.QueryAsync($"SELECT pg_notify('{ChangeNotice.Channel}', 'not a notice')::text");
        await _database.QueryAsync($$"""SELECT pg_notify('{{ChangeNotice.Channel}}', '{"from":"x","kind":"Created","ids":"0-99999999","door":"Rest"}')::text""");

        await Eventually.TrueAsync(() => _b.Heard.Resyncs == 3, "a resync for each: B cannot tell what changed");
        var later = await _a.Store.CreateAsync(ContactCard.Simple("Later", "", "", ""), Door.Rest);
        await _b.Heard.WaitForAsync(c => c.ContactId == later.Id, "a real write afterwards, heard on B");
        Assert.Equal(ChangeFeedState.Listening, _b.Status.Current.State);
    }

    /// <summary>A session of the test's own, counting the notices on Agenda's channel.</summary>
    private sealed class NoticeCounter : IAsyncDisposable
    {
        private readonly NpgsqlConnection _session;
        private readonly CancellationTokenSource _stop = new();
        private Task _waiting = Task.CompletedTask;
        private int _count;

        private NoticeCounter(NpgsqlConnection session) => _session = session;

        public int Count => Volatile.Read(ref _count);

        public static async Task<NoticeCounter> StartAsync(PostgresDatabase database)
        {
            var counter = new NoticeCounter(new NpgsqlConnection(database.ConnectionString));
            counter._session.Notification += (_, _) => Interlocked.Increment(ref counter._count);
            await counter._session.OpenAsync();
            await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotice.Channel}", counter._session)) await listen.ExecuteNonQueryAsync();
            counter._waiting = Task.Run(async () =>
            {
                try { while (true) await counter._session.WaitAsync(counter._stop.Token); }
                catch (OperationCanceledException) { }
            });
            return counter;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _waiting;
            await _session.DisposeAsync();
        }
    }
}
