namespace Agenda.Web.Api;

/// <summary>
/// Details for the problems routing raises before any handler runs: an unknown /api route (404), a method the route
/// lacks (405), a content type the endpoint does not accept (415). Status code pages would send only a title.
/// </summary>
internal static class RoutingProblems
{
    public static void AddDetail(ProblemDetailsContext context)
    {
        var (problem, request) = (context.ProblemDetails, context.HttpContext.Request);
        if (problem.Detail is not null || !request.Path.StartsWithSegments("/api")) return;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"There is no API route {request.Path}; /swagger lists them.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not supported on {request.Path}; /swagger lists its methods.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"Send the body as {ContactRequest.Json} (PATCH also takes {ContactRequest.MergePatchJson}), UTF-8; " +
                $"got '{request.ContentType}'.",
            _ => null,
        };
    }
}
