using Agenda.Core.Naming;
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

    // With RMI switched off there is no name server to ask, and a shared one's database may not answer: a 503, not an empty list.
    private static async Task<Results<Ok<NameRegistrationListDto>, ProblemHttpResult>> List([FromServices] INameRegistry registry)
    {
        if (!registry.IsRunning)
            return Unavailable("The Pyro name server is not running in this process, so there are no registrations to show.");
        IReadOnlyList<NameRegistration> registrations;
        try { registrations = await registry.SnapshotAsync(); }
        catch (SharedNamesUnavailableException e) { return Unavailable(e.Message); }
        var items = registrations.Select(r => new NameRegistrationDto(r.Name, r.Uri, [.. r.Metadata.Order(StringComparer.Ordinal)]));
        return TypedResults.Ok(new NameRegistrationListDto([.. items]));
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", detail);
}
