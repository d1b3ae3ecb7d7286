using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Agenda.Web.Health;

internal static class HealthExtensions
{
    public const string Path = "/healthz";

    /// <summary>The checks behind <c>/healthz</c>: the store answers (else unhealthy), other instances' changes are heard (else degraded).</summary>
    public static IServiceCollection AddAgendaHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ContactStoreHealthCheck>("store")
            .AddCheck<ChangeFeedHealthCheck>("changes");
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: 200 when healthy or degraded, 503 when unhealthy (what load balancers and container health
    /// checks read); the body is the status word, or each check's status and reason as JSON when asked for JSON.
    /// </summary>
    public static IEndpointConventionBuilder MapAgendaHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
}
