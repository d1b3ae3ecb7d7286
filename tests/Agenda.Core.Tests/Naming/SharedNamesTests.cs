using Agenda.Core.Naming;
using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

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

    [Fact]
    public async Task ALookupIsAnIndexScanOnTheNameAndAMetadataSearchUsesTheGinIndex()
    {
        for (var i = 0; i < 50; i++) await _a.Names.RegisterAsync(Entry($"name.{i}", metadata: [$"tag{i % 5}"]), null, false);
        var now = _time.GetUtcNow().UtcDateTime;
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<PostgresAgendaDbContext>>().CreateDbContextAsync();

        var lookup = await PlanAsync(PostgresSharedNames.Lookup(db, "name.7", now).ToQueryString());
        Assert.Contains(lookup, line => line.Contains("Index Scan using \"PK_NameRegistrations\""));
        Assert.DoesNotContain(lookup, line => line.Contains("Seq Scan"));

        var tagged = await PlanAsync(PostgresSharedNames.Listing(db, new(MetadataAll: ["tag3"]), now).ToQueryString());
        Assert.Contains(tagged, line => line.Contains("Bitmap Index Scan on \"IX_NameRegistrations_Metadata\""));
    }

    // With sequential scans priced out, the plan shows whether an index can answer the SQL EF sends at all.
    private async Task<List<string>> PlanAsync(string queryString)
    {
        var lines = queryString.Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("-- ")));
        foreach (var declaration in lines.Where(l => l.StartsWith("-- @")))
        {
            var (name, value) = (declaration[3..declaration.IndexOf('=')], declaration[(declaration.IndexOf('=') + 1)..].Split(" (DbType")[0].Trim());
            // Arrays print as { 'a', 'b' }: as SQL, ARRAY['a', 'b'].
            sql = sql.Replace(name, value.StartsWith('{') ? $"ARRAY[{value[1..^1].Trim()}]::text[]" : value);
        }
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return plan;
    }

    private static readonly IEqualityComparer<SharedName?> SameEntry = EqualityComparer<SharedName?>.Create((x, y) =>
        x is not null && y is not null && x.Name == y.Name && x.Uri == y.Uri && x.Owner == y.Owner
        && x.Metadata.Order().SequenceEqual(y.Metadata.Order()));
}
