using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Agenda.Core.Naming;

/// <summary>
/// <see cref="ISharedNames"/> on PostgreSQL. "Live" is decided by this instance's clock (<see cref="TimeProvider"/>)
/// against the leases the instances wrote with theirs: instances on several machines need clocks that agree to well
/// within a lease (NTP does).
/// </summary>
internal sealed class PostgresSharedNames(IDbContextFactory<PostgresAgendaDbContext> contexts, TimeProvider time) : ISharedNames
{
    // ON CONFLICT keeps the row and so its Position. With onlyIfNew the update applies only over a lapsed owner's row,
    // which no reader can see: for them the name is free. An owner that is gone (swept meanwhile) inserts nothing.
    private const string Upsert = """
        INSERT INTO "NameRegistrations" AS r ("Name", "Uri", "Metadata", "OwnerId", "RegisteredAt")
        SELECT @name, @uri, @metadata, @owner, @now
        WHERE @owner IS NULL OR EXISTS (SELECT 1 FROM "Instances" WHERE "Id" = @owner)
        ON CONFLICT ("Name") DO UPDATE SET "Uri" = EXCLUDED."Uri", "Metadata" = EXCLUDED."Metadata",
            "OwnerId" = EXCLUDED."OwnerId", "RegisteredAt" = EXCLUDED."RegisteredAt"
        """;

    private const string OnlyOverLapsed = """
         WHERE r."OwnerId" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "Instances" i WHERE i."Id" = r."OwnerId" AND i."LeaseExpiresAt" > @now)
        """;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // The hot path: every PYRONAME connection of every client looks a name up. One query on the key, joined to the
    // owner's lease by its key.
    public Task<SharedName?> FindAsync(string name, CancellationToken ct = default) =>
        contexts.RunAsync($"looking up {name}", db => Lookup(db, name, Now).FirstOrDefaultAsync(ct));

    public Task<SharedName?> FindInstanceObjectAsync(string sharedName, CancellationToken ct = default) =>
        contexts.RunAsync($"looking up an instance's {sharedName}", db => Shaped(Live(db, Now)
                .Where(r => r.Owner != null && r.Name == sharedName + "." + r.Owner.Name)
                .OrderByDescending(r => r.Owner!.LeaseExpiresAt))
            .FirstOrDefaultAsync(ct));

    public Task<IReadOnlyList<SharedName>> ListAsync(SharedNameQuery query, CancellationToken ct = default) =>
        contexts.RunAsync<IReadOnlyList<SharedName>>("listing names", async db => await Listing(db, query, Now).ToListAsync(ct));

    internal static IQueryable<SharedName> Lookup(PostgresAgendaDbContext db, string name, DateTime now) =>
        Shaped(Live(db, now).Where(r => r.Name == name));

    internal static IQueryable<SharedName> Listing(PostgresAgendaDbContext db, SharedNameQuery query, DateTime now) =>
        Shaped(Filtered(Live(db, now), query).OrderBy(r => r.Position));

    public Task<bool> RegisterAsync(SharedName entry, string? owner, bool onlyIfNew, CancellationToken ct = default) =>
        contexts.RunAsync($"registering {entry.Name}", async db => await db.Database.ExecuteSqlRawAsync(
            onlyIfNew ? Upsert + OnlyOverLapsed : Upsert,
            [
                new NpgsqlParameter("name", entry.Name),
                new NpgsqlParameter("uri", entry.Uri),
                new NpgsqlParameter("metadata", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entry.Metadata.ToArray() },
                new NpgsqlParameter("owner", NpgsqlDbType.Text) { Value = (object?)owner ?? DBNull.Value },
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = Now },
            ], ct) == 1);

    public Task<bool> SetMetadataAsync(string name, IReadOnlyCollection<string> metadata, CancellationToken ct = default)
    {
        var tags = metadata.ToArray();
        return contexts.RunAsync($"setting the metadata of {name}", async db => await Live(db, Now).Where(r => r.Name == name)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Metadata, tags), ct) == 1);
    }

    public Task<int> RemoveAsync(IReadOnlyCollection<string> names, CancellationToken ct = default)
    {
        var doomed = names.ToArray();
        return contexts.RunAsync("removing names", db => Live(db, Now).Where(r => doomed.Contains(r.Name)).ExecuteDeleteAsync(ct));
    }

    public Task<IReadOnlyList<InstanceStatus>> InstancesAsync(CancellationToken ct = default) =>
        contexts.RunAsync<IReadOnlyList<InstanceStatus>>("listing instances", async db => await db.Set<InstanceRow>()
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Name)
            .Select(i => new InstanceStatus(i.Id, i.Name, i.NameServerUri, i.DaemonUri, i.StartedAt, i.RenewedAt, i.LeaseExpiresAt))
            .ToListAsync(ct));

    private static IQueryable<SharedNameRow> Live(PostgresAgendaDbContext db, DateTime now) =>
        db.Set<SharedNameRow>().Where(r => r.OwnerId == null || r.Owner!.LeaseExpiresAt > now);

    private static IQueryable<SharedNameRow> Filtered(IQueryable<SharedNameRow> rows, SharedNameQuery query)
    {
        if (query.Prefixes is { } prefixes)
        {
            var starts = prefixes.ToArray();
            return rows.Where(r => starts.Any(p => r.Name.StartsWith(p)));
        }
        if (query.MetadataAll is { } all)
        {
            var tags = all.ToArray();
            return rows.Where(r => tags.All(t => r.Metadata.Contains(t)));
        }
        if (query.MetadataAny is { } any)
        {
            var tags = any.ToArray();
            return rows.Where(r => r.Metadata.Any(t => tags.Contains(t)));
        }
        return rows;
    }

    private static IQueryable<SharedName> Shaped(IQueryable<SharedNameRow> rows) =>
        rows.Select(r => new SharedName(r.Name, r.Uri, r.Metadata, r.Owner != null ? r.Owner.Name : null));
}
