using Agenda.Core.Naming;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agenda.Rmi.Hosting;

/// <summary>
/// <c>/healthz</c>'s <c>nameserver</c> entry on a shared name server: healthy while this instance's lease holds;
/// degraded when it lapsed (or was never taken), since the instance still serves its doors but the other instances no
/// longer hand out its objects. Registered only with PostgreSQL: a name server in memory holds no lease.
/// </summary>
internal sealed class NameServerLeaseHealthCheck(InstanceLeaseKeeper keeper) : IHealthCheck
{
    public const string Name = "nameserver";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var times = $"lease {keeper.Times.Duration.TotalSeconds:0.#} s, renewed every {keeper.Times.RenewEvery.TotalSeconds:0.#} s";
        var instance = keeper.Instance.Name;
        return Task.FromResult(
            keeper.IsAlive ? HealthCheckResult.Healthy($"instance {instance} holds its name-server lease until {keeper.HeldUntil:O} ({times})")
            : keeper.HeldUntil == DateTime.MinValue ? HealthCheckResult.Degraded($"instance {instance} holds no name-server lease: it has not joined the shared name server, or it left ({times})")
            : HealthCheckResult.Degraded($"instance {instance}'s name-server lease lapsed at {keeper.HeldUntil:O}: the other instances no longer list its objects; it keeps trying ({times})"));
    }
}
