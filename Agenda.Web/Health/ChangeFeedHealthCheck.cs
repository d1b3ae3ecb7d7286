using Agenda.Core.Storage.Changes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agenda.Web.Health;

/// <summary>
/// Degraded, not unhealthy, while the change listener is not connected: reads and writes are still right (they go to
/// the database), only other instances' writes do not reach this instance's open pages until it is back.
/// </summary>
internal sealed class ChangeFeedHealthCheck(ChangeFeedStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var report = status.Current;
        var since = report.Since.ToString("u");
        return Task.FromResult(report.State switch
        {
            ChangeFeedState.OneInstance => HealthCheckResult.Healthy("one instance (SQLite): no other instances' changes to hear"),
            ChangeFeedState.Listening => HealthCheckResult.Healthy($"hearing other instances' changes since {since}"),
            ChangeFeedState.Connecting => HealthCheckResult.Degraded($"not yet hearing other instances' changes: {report.Problem ?? "connecting"}"),
            _ => HealthCheckResult.Degraded($"not hearing other instances' changes since {since}: {report.Problem}; reconnecting"),
        });
    }
}
