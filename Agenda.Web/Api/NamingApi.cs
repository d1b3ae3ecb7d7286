using Agenda.Rmi.Naming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Agenda.Web.Api;

/// <summary>GET /api/naming: what the Pyro name server offers, for HTTP users. Read-only by design.</summary>
internal static class NamingApi
{
    public static RouteHandlerBuilder MapNaming(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/naming", List).WithTags("Naming").WithName("ListNameRegistrations")
            .WithSummary("The Pyro name server's registrations: name, URI and metadata, in registration order")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    // With RMI switched off there is no name server to ask: a 503, not an empty list.
    private static Results<Ok<NameRegistrationListDto>, ProblemHttpResult> List([FromServices] INameRegistry registry)
    {
        if (!registry.IsRunning)
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                "The Pyro name server is not running in this process, so there are no registrations to show.");
        var items = registry.Snapshot()
            .Select(r => new NameRegistrationDto(r.Name, r.Uri, [.. r.Metadata.Order(StringComparer.Ordinal)]));
        return TypedResults.Ok(new NameRegistrationListDto([.. items]));
    }
}
