using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>
/// Two instances' name servers over one PostgreSQL database (<see cref="SharedNameTable"/>), called through their
/// method tables as the daemon calls them: what a client does through one, a client of the other sees, with Pyro's
/// results and errors. Leases run on a fake clock.
/// </summary>
public sealed class SharedNameServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private PostgresDatabase _database = null!;
    private PostgresNamingInstance _instanceA = null!, _instanceB = null!;
    private SharedNameTable _tableA = null!, _tableB = null!;
    private NameServer _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateMigratedAsync();
        (_instanceA, _tableA, _a) = await StartAsync("a", 9090);
        (_instanceB, _tableB, _b) = await StartAsync("b", 9190);
    }

    private async Task<(PostgresNamingInstance, SharedNameTable, NameServer)> StartAsync(string name, int port)
    {
        var instance = PostgresNamingInstance.Open(_database, _time, name);
        await instance.StartAsync();
        var table = new SharedNameTable(instance.Names, instance.Keeper);
        return (instance, table, new NameServer(table, PyroUri.ForObject(NameServer.ObjectId, "127.0.0.1", port)));
    }

    public async Task DisposeAsync()
    {
        await _instanceA.DisposeAsync();
        await _instanceB.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static async Task<object?> Call(NameServer server, string method, object?[] positional, params (string Name, object? Value)[] keywords)
    {
        var remote = server.Methods[method];
        var args = PyArguments.Bind(server.TypeName, remote, positional, keywords.Select(k => new KeyValuePair<object, object?>(k.Name, k.Value)));
        return await remote.Handler(args, RemoteCallContext.None);
    }

    private static async Task<PyException> Raises(NameServer server, string method, params object?[] positional) =>
        await Assert.ThrowsAsync<PyException>(() => Call(server, method, positional));

    private static async Task<string[]> Names(NameServer server, params (string, object?)[] keywords) =>
        [.. Assert.IsType<Dictionary<object, object?>>(await Call(server, "list", [], keywords)).Keys.Cast<string>()];

    private static async Task<string> LookedUp(NameServer server, string name) =>
        PyroUri.FromClassDict(await Call(server, "lookup", [name])).ToString();

    private static HashSet<object> Set(params string[] items) => new(items, PyComparer.Instance);

    private Task PublishAgendaObjectsAsync(SharedNameTable table, int daemonPort) => Task.WhenAll(
        table.PublishAsync(new NameRegistration("KLEIN_ROCHA", $"PYRO:KLEIN_ROCHA@127.0.0.1:{daemonPort}", new HashSet<string>())).AsTask(),
        table.PublishAsync(new NameRegistration("agenda.contacts", $"PYRO:agenda.contacts@127.0.0.1:{daemonPort}", new HashSet<string> { "agenda" })).AsTask());

    [Fact]
    public async Task ANameRegisteredThroughOneNameServerIsFoundAndRemovedThroughTheOther()
    {
        await Call(_a, "register", ["test.echo", "pyro:echo@127.0.0.1:9201"], ("metadata", Set("kind:echo")));

        Assert.Equal("PYRO:echo@127.0.0.1:9201", await LookedUp(_b, "test.echo"));
        var withTags = Assert.IsType<PyTuple>(await Call(_b, "lookup", ["test.echo"], ("return_metadata", true)));
        Assert.Equal(new List<object?> { "kind:echo" }, withTags[1]);
        Assert.Equal("pyro:echo@127.0.0.1:9201", (await Call(_b, "list", [], ("prefix", "test.")) as Dictionary<object, object?>)!["test.echo"]);

        Assert.Equal(1L, await Call(_b, "remove", ["test.echo"]));
        var error = await Raises(_a, "lookup", "test.echo");
        Assert.Equal(("Pyro4.errors.NamingError", "unknown name: test.echo"), (error.PythonClass, error.Message));
    }

    [Fact]
    public async Task ASafeRegistrationThroughTheOtherNameServerRefusesATakenName()
    {
        await Call(_a, "register", ["taken", "PYRO:x@h:1"]);

        var error = await Assert.ThrowsAsync<PyException>(() => Call(_b, "register", ["taken", "PYRO:y@h:1"], ("safe", true)));

        Assert.Equal("name already registered: taken", error.Message);
        Assert.Equal("PYRO:x@h:1", await LookedUp(_a, "taken"));
    }

    [Fact]
    public async Task EachNameServerAnswersForItsOwnPyroNameServerEntryAndNeverRemovesIt()
    {
        Assert.Equal("PYRO:Pyro.NameServer@127.0.0.1:9090", await LookedUp(_a, NameServer.ObjectId));
        Assert.Equal("PYRO:Pyro.NameServer@127.0.0.1:9190", await LookedUp(_b, NameServer.ObjectId));
        await Call(_a, "register", ["x", "PYRO:x@h:1"]);

        Assert.Equal((2L, 2L), ((long)(await Call(_a, "count", []))!, (long)(await Call(_b, "count", []))!));
        Assert.Equal(0L, await Call(_b, "remove", [], ("prefix", "Pyro.")));
        Assert.Equal(0L, await Call(_b, "remove", [NameServer.ObjectId]));
        Assert.Equal([NameServer.ObjectId, "x"], await Names(_b));
    }

    [Theory]
    [MemberData(nameof(NameServerListingTests.Filters), MemberType = typeof(NameServerListingTests))]
    public async Task ListFiltersOverNamesRegisteredThroughTheOtherNameServerAsPyroDoes(string filter, object value, string[] expected)
    {
        // The registrations NameServerListingTests compares with Pyro4's own name server, made through A.
        await Call(_a, "register", ["a.b", "PYRO:x@h:1"], ("metadata", Set("m1", "m2")));
        await Call(_a, "register", ["a.c", "PYRO:y@h:1"], ("metadata", Set("m2")));
        await Call(_a, "register", ["ba.x", "PYRO:z@h:1"]);

        Assert.Equal(expected, await Names(_b, (filter, value)));
    }

    [Fact]
    public async Task SetMetadataAndRemoveByPatternReachRegistrationsMadeThroughTheOther()
    {
        await Call(_a, "register", ["my.one", "PYRO:x@h:1"]);
        await Call(_a, "register", ["my.two", "PYRO:y@h:1"]);
        await Call(_a, "register", ["other", "PYRO:z@h:1"]);

        await Call(_b, "set_metadata", ["my.one", Set("t")]);
        Assert.Equal(["my.one"], await Names(_a, ("metadata_any", Set("t"))));
        Assert.Equal(2L, await Call(_b, "remove", [], ("regex", @"my\.")));
        Assert.Equal([NameServer.ObjectId, "other"], await Names(_a));
    }

    [Fact]
    public async Task TheSharedNamesAreTheAnsweringInstancesOwnObjectsAndMetadataSpreadsOverAllInstances()
    {
        await PublishAgendaObjectsAsync(_tableA, 9095);
        await PublishAgendaObjectsAsync(_tableB, 9195);

        Assert.Equal("PYRO:KLEIN_ROCHA@127.0.0.1:9095", await LookedUp(_a, "KLEIN_ROCHA"));
        Assert.Equal("PYRO:KLEIN_ROCHA@127.0.0.1:9195", await LookedUp(_b, "KLEIN_ROCHA"));
        Assert.Equal("PYRO:agenda.contacts@127.0.0.1:9095", await LookedUp(_b, "agenda.contacts.a"));
        Assert.Equal(["agenda.contacts.a", "agenda.contacts.b"], await Names(_b, ("metadata_all", Set("agenda"))));
        Assert.Equal(["KLEIN_ROCHA.a", "KLEIN_ROCHA.b"], await Names(_a, ("metadata_any", Set("KLEIN_ROCHA"))));
        var listed = await Names(_a);
        Assert.Equal([NameServer.ObjectId, "KLEIN_ROCHA", "agenda.contacts"], listed.Take(3));
        Assert.Equal(["KLEIN_ROCHA.a", "KLEIN_ROCHA.b", "agenda.contacts.a", "agenda.contacts.b"], listed.Skip(3).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnInstanceWhoseLeaseLapsedResolvesTheSharedNamesToALiveInstance()
    {
        await PublishAgendaObjectsAsync(_tableA, 9095);
        await PublishAgendaObjectsAsync(_tableB, 9195);
        await _instanceA.Keeper.DisposeAsync(); // A stops renewing (a long pause, a lost database connection)

        _time.Advance(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(() => _instanceB.Keeper.HeldUntil > _time.GetUtcNow().UtcDateTime, "B renewed its lease");

        Assert.False(_instanceA.Keeper.IsAlive);
        Assert.Equal("PYRO:KLEIN_ROCHA@127.0.0.1:9195", await LookedUp(_a, "KLEIN_ROCHA"));
        Assert.Equal(["agenda.contacts.b"], await Names(_a, ("metadata_all", Set("agenda"))));
    }

    [Fact]
    public async Task AClientRegistrationOfASharedNamePinsItForAllInstancesUntilRemoved()
    {
        await PublishAgendaObjectsAsync(_tableA, 9095);
        await PublishAgendaObjectsAsync(_tableB, 9195);

        await Call(_a, "register", ["KLEIN_ROCHA", "PYRO:replica@127.0.0.1:9999"]);
        Assert.Equal("PYRO:replica@127.0.0.1:9999", await LookedUp(_b, "KLEIN_ROCHA"));
        Assert.Single(await Names(_b, ("prefix", "KLEIN_ROCHA")), n => n == "KLEIN_ROCHA");

        Assert.Equal(1L, await Call(_b, "remove", ["KLEIN_ROCHA"]));
        Assert.Equal("PYRO:KLEIN_ROCHA@127.0.0.1:9195", await LookedUp(_b, "KLEIN_ROCHA"));
        Assert.Equal(0L, await Call(_b, "remove", ["KLEIN_ROCHA"])); // a shared name itself is not removed, like Pyro.NameServer
    }

    [Fact]
    public async Task TheRegistryShowsBothInstancesAndWhichInstanceEachNameBelongsTo()
    {
        await PublishAgendaObjectsAsync(_tableA, 9095);
        await PublishAgendaObjectsAsync(_tableB, 9195);
        await Call(_b, "register", ["client.daemon", "PYRO:d@127.0.0.1:9300"]);
        INameRegistry registry = _tableB;

        Assert.Equal(["a", "b"], (await registry.InstancesAsync()).Select(i => i.Name));
        var owners = (await registry.SnapshotAsync()).ToDictionary(e => e.Name, e => e.Owner);
        Assert.Equal("a", owners["agenda.contacts.a"]);
        Assert.Equal("b", owners["KLEIN_ROCHA"]); // the answering instance's own object
        Assert.Null(owners["client.daemon"]);
        Assert.True(await registry.RemoveAsync("client.daemon"));
    }

    [Fact]
    public async Task ADatabaseThatDoesNotAnswerIsANamingErrorForPythonClients()
    {
        await PostgresServer.ExecuteAsync($"DROP DATABASE {_database.Name} WITH (FORCE)");

        var error = await Raises(_b, "lookup", "anything");

        Assert.Equal("Pyro4.errors.NamingError", error.PythonClass);
        Assert.StartsWith("The shared name server's database did not answer while looking up anything", error.Message);
        Assert.Equal("PYRO:Pyro.NameServer@127.0.0.1:9190", await LookedUp(_b, NameServer.ObjectId)); // its own entry needs no database
    }
}
