using Microsoft.AspNetCore.Http.HttpResults;

namespace Agenda.Web.Api;

/// <summary>Problems (RFC 9457) that handlers and binding return as results.</summary>
internal static class ApiProblems
{
    // A ProblemHttpResult rather than NotFound<ProblemDetails> and the like: only it goes through IProblemDetailsService,
    // which sends application/problem+json and the traceId like every other problem.
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
