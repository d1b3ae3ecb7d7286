namespace Agenda.Web.Security;

/// <summary>
/// 401 and 403 for API callers as RFC 9457 problem details, never a redirect to a sign-in page. Used by the bearer
/// handler, and by the cookie scheme's redirect events for /api requests.
/// </summary>
public static class AuthProblems
{
    public static bool IsApiRequest(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    /// <summary>RFC 6750's challenge: <c>error="invalid_token"</c> only when a token was sent and refused.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext http, bool invalidToken)
    {
        http.Response.Headers.WWWAuthenticate = invalidToken
            ? "Bearer realm=\"Agenda\", error=\"invalid_token\""
            : "Bearer realm=\"Agenda\"";
        var detail = invalidToken
            ? "The access token is not valid: unknown, revoked or expired. Create a new one on the Tokens page."
            : "Sign in, or send a personal access token as 'Authorization: Bearer <token>' (create one on the Tokens page).";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(http);
    }

    public static Task WriteForbiddenAsync(HttpContext http) =>
        TypedResults.Problem(
            "Not allowed: changing contacts needs the Editor or Admin role and, with a token, the read-write scope; " +
            "the wire capture needs the Admin role.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(http);
}
