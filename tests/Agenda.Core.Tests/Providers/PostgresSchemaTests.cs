using Agenda.Core.Storage;
using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Agenda.Core.Tests.Providers;

/// <summary>What only PostgreSQL has: its schema from an empty database, the trigram indexes search uses, the migration lock.</summary>
public class PostgresSchemaTests
{
    // The advisory lock key PostgresStorage takes around migrations ("Agenda" in ASCII).
    private const long MigrationLockKey = 0x4167656E6461;

    // pg_locks lists the whole cluster's locks; advisory locks belong to one database.
    private const string AdvisoryLocksHere =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    [Fact]
    public async Task AnEmptyDatabaseGetsTheSchemaWithTrigramIndexesAndUtcTimestamps()
    {
        await using var db = await PostgresStore.OpenAsync(await PostgresServer.CreateEmptyAsync(), ownsDatabase: true);
        var database = db.Database;

        Assert.Equal(["pg_trgm"], await database.QueryAsync("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'"));
        var indexes = await database.QueryAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'Contacts' ORDER BY indexname");
        Assert.Contains(indexes, i => i.Contains("USING gin (\"PhoneDigits\" gin_trgm_ops)"));
        Assert.Contains(indexes, i => i.Contains("USING gin (\"SearchText\" gin_trgm_ops)"));
        Assert.Contains(indexes, i => i.StartsWith("CREATE UNIQUE INDEX \"IX_Contacts_Uid\""));
        Assert.Equal(["timestamp with time zone", "timestamp with time zone"], await database.QueryAsync(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'Contacts' AND column_name IN ('CreatedAt', 'UpdatedAt')"));
        Assert.Equal(["contacts 0"], await database.QueryAsync("""SELECT "Name" || ' ' || "Next" FROM "IdCounters" """));
        Assert.Equal(["20261130131600_InitialCreate", "20261130142801_SharedNameServer", "20261130154406_SharedKeyRing"],
            await database.QueryAsync("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """));
    }

    [Theory]
    [InlineData("silva", "IX_Contacts_SearchText")]
    [InlineData("98405", "IX_Contacts_PhoneDigits")]
    public async Task SearchIsALikeThatTheTrigramIndexAnswers(string term, string index)
    {
        await using var db = await PostgresStore.OpenAsync();
        var storage = db.Services.GetRequiredService<StorageProvider>();
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<AgendaDbContext>>().CreateDbContextAsync();
        var sql = ContactSearch.Apply(storage, context, context.Contacts, term).ToQueryString();
        Assert.DoesNotContain("strpos", sql);
        Assert.Contains("LIKE", sql);

        // With sequential scans priced out, the planner shows whether an index can answer this SQL at all: a query
        // no index answers (strpos, or LIKE without pg_trgm) would still show a Seq Scan.
        await using var connection = new NpgsqlConnection(db.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + WithParameterValues(sql), connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains($"Bitmap Index Scan on \"{index}\""));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan"));
    }

    [Fact]
    public async Task MigrationWaitsForTheAdvisoryLockAnotherInstanceHolds()
    {
        await using var database = await PostgresServer.CreateEmptyAsync();
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", other)) await take.ExecuteNonQueryAsync();

        var starting = PostgresStore.OpenAsync(database, ownsDatabase: false);
        await Eventually.TrueAsync(async () => (await database.QueryAsync(
            $"{AdvisoryLocksHere} AND NOT granted")).Single() == "1", () => "a second session waiting for the lock");
        Assert.False(starting.IsCompleted);
        Assert.Empty(await database.QueryAsync("SELECT 1 FROM pg_tables WHERE tablename = 'Contacts'"));

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", other)) await release.ExecuteNonQueryAsync();
        await using var store = await starting;
        Assert.Equal(0, await store.Store.CountAsync(null));
        Assert.Equal(["0"], await database.QueryAsync(AdvisoryLocksHere)); // released after
    }

    /// <summary>The SQL with each parameter's value in place, from the comment lines ToQueryString puts above it.</summary>
    private static string WithParameterValues(string queryString)
    {
        var lines = queryString.Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("-- ")));
        foreach (var declaration in lines.Where(l => l.StartsWith("-- @")))
        {
            var (name, value) = (declaration[3..declaration.IndexOf('=')], declaration[(declaration.IndexOf('=') + 1)..]);
            sql = sql.Replace(name, value.Split(" (DbType")[0].Trim());
        }
        return sql;
    }
}
