using Agenda.Core.Naming;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Core.Tests.Naming;

/// <summary>
/// The shared name server's table on PostgreSQL, through two instances on one database: what one registers, the
/// other finds, lists and removes. Clients' registrations (no owner) need no instance to be alive.
/// </summary>
public sealed class SharedNamesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private PostgresDatabase _database = null!;
    private PostgresNamingInstance _a = null!;
    private PostgresNamingInstance _b = null!;

    private static SharedName Entry(string name, string uri = "PYRO:obj@127.0.0.1:9200", params string[] metadata) => new(name, uri, metadata);

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateMigratedAsync();
        _a = PostgresNamingInstance.Open(_database, _time, "a");
        _b = PostgresNamingInstance.Open(_database, _time, "b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ARegistrationMadeThroughOneInstanceIsFoundListedAndRemovedThroughTheOther()
    {
        Assert.True(await _a.Names.RegisterAsync(Entry("test.echo", "PYRO:echo@127.0.0.1:9201", "m1", "m2"), owner: null, onlyIfNew: false));

        Assert.Equal(Entry("test.echo", "PYRO:echo@127.0.0.1:9201", "m1", "m2"), await _b.Names.FindAsync("test.echo"), SameEntry);
        Assert.Equal(["test.echo"], (await _b.Names.ListAsync(SharedNameQuery.All)).Select(e => e.Name));

        Assert.Equal(1, await _b.Names.RemoveAsync(["test.echo", "unknown"]));
        Assert.Null(await _a.Names.FindAsync("test.echo"));
        Assert.Equal(0, await _a.Names.RemoveAsync(["test.echo"]));
    }

    [Fact]
    public async Task OfTwoSafeRegistrationsOfOneNameOnTwoInstancesExactlyOneWins()
    {
        for (var round = 0; round < 20; round++)
        {
            var name = $"race.{round}";
            var attempts = await Task.WhenAll(
                Task.Run(() => _a.Names.RegisterAsync(Entry(name, "PYRO:from_a@h:1"), null, onlyIfNew: true)),
                Task.Run(() => _b.Names.RegisterAsync(Entry(name, "PYRO:from_b@h:1"), null, onlyIfNew: true)));

            Assert.Single(attempts, won => won);
            var winner = attempts[0] ? "PYRO:from_a@h:1" : "PYRO:from_b@h:1";
            Assert.Equal(winner, (await _b.Names.FindAsync(name))!.Uri);
        }
    }

    [Fact]
    public async Task ARegistrationWithoutSafeOverwritesAndKeepsItsPlaceInTheListing()
    {
        foreach (var name in new[] { "first", "second", "third" }) await _a.Names.RegisterAsync(Entry(name), null, false);

        Assert.True(await _b.Names.RegisterAsync(Entry("first", "PYRO:moved@h:2", "new"), null, onlyIfNew: false));

        var listed = await _a.Names.ListAsync(SharedNameQuery.All);
        Assert.Equal(["first", "second", "third"], listed.Select(e => e.Name));
        Assert.Equal(Entry("first", "PYRO:moved@h:2", "new"), listed[0], SameEntry);
    }

    [Fact]
    public async Task PrefixAndMetadataFiltersSelectAsPyrosListDoes()
    {
        await _a.Names.RegisterAsync(Entry("a.one", metadata: ["x", "y"]), null, false);
        await _a.Names.RegisterAsync(Entry("a.two", metadata: ["y"]), null, false);
        await _b.Names.RegisterAsync(Entry("b.one", metadata: ["z"]), null, false);
        await _b.Names.RegisterAsync(Entry("a%_literal", metadata: []), null, false);

        async Task<string[]> Names(SharedNameQuery query) => [.. (await _b.Names.ListAsync(query)).Select(e => e.Name)];
        Assert.Equal(["a.one", "a.two"], await Names(new(Prefixes: ["a."])));
        Assert.Equal(["a%_literal"], await Names(new(Prefixes: ["a%"])));
        Assert.Equal(["a.one", "b.one"], await Names(new(Prefixes: ["a.o", "b."])));
        Assert.Equal(["a.one"], await Names(new(MetadataAll: ["x", "y"])));
        Assert.Equal(["a.one", "a.two"], await Names(new(MetadataAll: ["y"])));
        Assert.Equal(["a.one", "b.one"], await Names(new(MetadataAny: ["x", "z"])));
        Assert.Empty(await Names(new(MetadataAny: ["none"])));
    }

    [Fact]
    public async Task SetMetadataReplacesTheTagsOfAKnownNameOnly()
    {
        await _a.Names.RegisterAsync(Entry("tagged", metadata: ["old"]), null, false);

        Assert.True(await _b.Names.SetMetadataAsync("tagged", ["new", "newer"]));
        Assert.False(await _b.Names.SetMetadataAsync("unknown", ["x"]));

        Assert.Equal(["new", "newer"], (await _a.Names.FindAsync("tagged"))!.Metadata.Order());
        Assert.Empty(await _a.Names.ListAsync(new(MetadataAny: ["old"])));
    }

    private static readonly IEqualityComparer<SharedName?> SameEntry = EqualityComparer<SharedName?>.Create((x, y) =>
        x is not null && y is not null && x.Name == y.Name && x.Uri == y.Uri && x.Owner == y.Owner
        && x.Metadata.Order().SequenceEqual(y.Metadata.Order()));
}
