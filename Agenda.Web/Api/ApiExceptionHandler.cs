using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Agenda.Web.Api;

/// <summary>
/// Turns exceptions into problem details. Binding failures (an id that is not a number, a pageSize of "ten") arrive
/// as BadHttpRequestException because the API sets ThrowOnBadRequest; their message names the parameter and value,
/// which is the caller's own input. Anything else under /api is a bare 500: no stack trace, no database text.
/// Other paths are left to whichever handler the rest of the app registers.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            _ when http.Request.Path.StartsWithSegments("/api") =>
                (StatusCodes.Status500InternalServerError, "The server failed to handle the request; the error has been logged."),
            _ => (0, ""),
        };
        if (status == 0) return false;
        // Since .NET 10 the middleware stays silent about exceptions a handler takes, so the 500 is logged here.
        if (status >= 500) logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);

        http.Response.StatusCode = status;
        // The exception is deliberately not passed on: problem writers may render it in Development.
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
