using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Agenda.Core.Naming;

/// <summary>
/// <see cref="IInstanceLeases"/> on PostgreSQL. A renewal and a sweep that meet on one row are ordered by its row
/// lock: the sweep's <c>WHERE LeaseExpiresAt &lt;= now</c> is checked again on the renewed row, so a renewed
/// instance is never swept, and a swept one learns it from its next renewal (no row) and joins again.
/// </summary>
internal sealed class PostgresInstanceLeases(IDbContextFactory<PostgresAgendaDbContext> contexts) : IInstanceLeases
{
    private const string UniqueViolation = "23505";

    public Task<bool> JoinAsync(InstanceStatus instance, bool takeOver, CancellationToken ct = default) =>
        contexts.RunAsync($"joining as {instance.Name}", async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (takeOver) await db.Set<InstanceRow>().Where(i => i.Name == instance.Name).ExecuteDeleteAsync(ct);
            db.Add(new InstanceRow
            {
                Id = instance.Id, Name = instance.Name, NameServerUri = instance.NameServerUri, DaemonUri = instance.DaemonUri,
                StartedAt = instance.StartedAt, RenewedAt = instance.RenewedAt, LeaseExpiresAt = instance.LeaseExpiresAt,
            });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
            {
                return false;
            }
            await transaction.CommitAsync(ct);
            return true;
        });

    public Task<bool> RenewAsync(string id, DateTime now, DateTime expiresAt, CancellationToken ct = default) =>
        contexts.RunAsync("renewing the lease", async db => await db.Set<InstanceRow>().Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RenewedAt, now).SetProperty(i => i.LeaseExpiresAt, expiresAt), ct) == 1);

    public Task LeaveAsync(string id, CancellationToken ct = default) =>
        contexts.RunAsync("leaving", db => db.Set<InstanceRow>().Where(i => i.Id == id).ExecuteDeleteAsync(ct));

    public Task<int> SweepAsync(DateTime now, CancellationToken ct = default) =>
        contexts.RunAsync("sweeping lapsed instances", db => db.Set<InstanceRow>().Where(i => i.LeaseExpiresAt <= now).ExecuteDeleteAsync(ct));
}
