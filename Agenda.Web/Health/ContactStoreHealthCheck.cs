using Agenda.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agenda.Web.Health;

/// <summary>/healthz is healthy only when the contact database answers a real query.</summary>
internal sealed class ContactStoreHealthCheck(IContactStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await store.PingAsync(ct)
            ? HealthCheckResult.Healthy("contact store answers")
            : HealthCheckResult.Unhealthy("contact store does not answer");
}
