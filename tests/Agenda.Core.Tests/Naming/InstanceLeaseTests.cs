using Agenda.Core.Naming;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Core.Tests.Naming;

/// <summary>
/// Leases on a fake clock over a real PostgreSQL: an instance's names live as long as its lease, a clean leave takes
/// them at once, and a lapsed one is swept by a survivor's renewal. Timer-driven renewals run on the database, so the
/// tests wait for their effect rather than assuming it.
/// </summary>
public sealed class InstanceLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private PostgresDatabase _database = null!;
    private PostgresNamingInstance _a = null!;
    private PostgresNamingInstance _b = null!;

    private static SharedName Own(string name) => new(name, $"PYRO:{name}@127.0.0.1:9200", ["agenda"]);

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateMigratedAsync();
        _a = PostgresNamingInstance.Open(_database, _time, "a");
        _b = PostgresNamingInstance.Open(_database, _time, "b");
        await _a.StartAsync();
        await _b.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AnInstanceIsListedWithItsUrisAndALeaseOfFifteenSeconds()
    {
        var instances = await _b.Names.InstancesAsync();

        Assert.Equal(["a", "b"], instances.Select(i => i.Name));
        var a = instances[0];
        Assert.Equal((_a.NameServerUri, _time.GetUtcNow().UtcDateTime + Lease), (a.NameServerUri, a.LeaseExpiresAt));
        Assert.True(_a.Keeper.IsAlive);
    }

    [Fact]
    public async Task RenewalsEveryFiveSecondsKeepAnInstancesNamesAliveLongAfterOneLease()
    {
        await _a.Keeper.OwnAsync(Own("agenda.contacts.a"));

        for (var step = 1; step <= 12; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            var expected = _time.GetUtcNow().UtcDateTime + Lease;
            await Eventually.TrueAsync(async () => (await _b.Names.InstancesAsync()).All(i => i.LeaseExpiresAt == expected),
                () => $"both leases renewed at step {step}");
        }

        Assert.NotNull(await _b.Names.FindAsync("agenda.contacts.a"));
        Assert.True(_a.Keeper.IsAlive);
    }

    [Fact]
    public async Task AKilledInstancesNamesVanishWhenItsLeaseLapsesAndTheSurvivorSweepsThem()
    {
        await _a.Keeper.OwnAsync(Own("agenda.contacts.a"));
        await _a.Names.RegisterAsync(new SharedName("client.daemon", "PYRO:d@127.0.0.1:9300", []), owner: null, onlyIfNew: false);
        await _a.Keeper.DisposeAsync(); // a crash: no more renewals, nothing deleted

        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _b.Names.FindAsync("agenda.contacts.a")); // within the lease it still counts

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _b.Names.FindAsync("agenda.contacts.a")); // lapsed: filtered before any sweep
        Assert.Empty(await _b.Names.ListAsync(new SharedNameQuery(MetadataAll: ["agenda"])));
        Assert.True(await _b.Names.RegisterAsync(Own("agenda.contacts.a") with { Uri = "PYRO:new@h:1" }, null, onlyIfNew: true));

        await _b.Keeper.RenewAsync();
        Assert.Equal(["b"], (await _b.Names.InstancesAsync()).Select(i => i.Name));
        Assert.NotNull(await _b.Names.FindAsync("client.daemon")); // a client's registration outlives the instance it came through
    }

    [Fact]
    public async Task AnInstanceThatLeavesTakesItsOwnNamesWithItAtOnce()
    {
        await _a.Keeper.OwnAsync(Own("KLEIN_ROCHA.a"));
        await _a.Keeper.OwnAsync(Own("agenda.contacts.a"));

        await _a.Keeper.LeaveAsync();

        Assert.Empty(await _b.Names.ListAsync(SharedNameQuery.All));
        Assert.Equal(["0"], await _database.QueryAsync("""SELECT count(*) FROM "NameRegistrations" """));
        Assert.Equal(["b"], (await _b.Names.InstancesAsync()).Select(i => i.Name));
        Assert.False(_a.Keeper.IsAlive);
    }

    [Fact]
    public async Task AnInstanceSweptWhileItCouldNotRenewJoinsAgainWithItsNames()
    {
        await _a.Keeper.OwnAsync(Own("agenda.contacts.a"));
        await _database.QueryAsync("""DELETE FROM "Instances" WHERE "Name" = 'a' RETURNING "Name" """); // as a sweep after a lapse

        Assert.Null(await _b.Names.FindAsync("agenda.contacts.a"));
        await _a.Keeper.RenewAsync();

        Assert.Equal("a", (await _b.Names.FindAsync("agenda.contacts.a"))!.Owner);
        Assert.Contains("a", (await _b.Names.InstancesAsync()).Select(i => i.Name));
    }

    [Fact]
    public async Task AnOwnedNameTheDatabaseRefusedIsRegisteredByTheNextRenewal()
    {
        await _database.QueryAsync("""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON "NameRegistrations" FOR EACH ROW EXECUTE FUNCTION refuse();
            SELECT 1
            """);
        await _a.Keeper.OwnAsync(Own("agenda.contacts.a")); // logged, not thrown
        Assert.Null(await _b.Names.FindAsync("agenda.contacts.a"));

        await _database.QueryAsync("""DROP TRIGGER refuse ON "NameRegistrations"; SELECT 1""");
        await _a.Keeper.RenewAsync();

        Assert.Equal("a", (await _b.Names.FindAsync("agenda.contacts.a"))!.Owner);
    }

    [Fact]
    public async Task ARestartedInstanceOfTheSameNameReplacesItsKilledIncarnationAtOnce()
    {
        await _a.Keeper.OwnAsync(Own("agenda.contacts.a"));
        await _a.Keeper.DisposeAsync();

        await using var restarted = PostgresNamingInstance.Open(_database, _time, "a");
        await restarted.StartAsync();

        Assert.Null(await _b.Names.FindAsync("agenda.contacts.a"));
        Assert.Equal(restarted.Instance.Id, Assert.Single(await _b.Names.InstancesAsync(), i => i.Name == "a").Id);
        await _a.Keeper.RenewAsync(); // the old incarnation, were it still running, cannot take the name back
        Assert.Equal(restarted.Instance.Id, Assert.Single(await _b.Names.InstancesAsync(), i => i.Name == "a").Id);
    }

    [Fact]
    public async Task AnOwnedNameOverwrittenByAClientStaysWhenTheInstanceLeaves()
    {
        await _a.Keeper.OwnAsync(Own("KLEIN_ROCHA.a"));
        await _b.Names.RegisterAsync(new SharedName("KLEIN_ROCHA.a", "PYRO:replica@h:1", []), owner: null, onlyIfNew: false);

        await _a.Keeper.LeaveAsync();

        Assert.Equal("PYRO:replica@h:1", (await _b.Names.FindAsync("KLEIN_ROCHA.a"))!.Uri);
    }

    [Fact]
    public async Task TheObjectBehindASharedNameIsALiveInstancesOwn()
    {
        await _a.Keeper.OwnAsync(Own("KLEIN_ROCHA.a"));
        await _b.Keeper.OwnAsync(Own("KLEIN_ROCHA.b"));
        await _a.Names.RegisterAsync(new SharedName("KLEIN_ROCHA.c", "PYRO:not_an_instance@h:1", []), null, false);

        Assert.Contains((await _a.Names.FindInstanceObjectAsync("KLEIN_ROCHA"))!.Name, new[] { "KLEIN_ROCHA.a", "KLEIN_ROCHA.b" });

        await _b.Keeper.LeaveAsync();
        Assert.Equal("KLEIN_ROCHA.a", (await _b.Names.FindInstanceObjectAsync("KLEIN_ROCHA"))!.Name);
        await _a.Keeper.LeaveAsync();
        Assert.Null(await _b.Names.FindInstanceObjectAsync("KLEIN_ROCHA"));
    }
}
