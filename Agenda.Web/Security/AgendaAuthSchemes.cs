using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Security;

/// <summary>
/// The authentication schemes' names. <see cref="Default"/> is a policy scheme that picks, per request, the scheme
/// that can read what the caller sent: a bearer token when there is one (and a handler for it), else the cookie.
/// </summary>
public static class AgendaAuthSchemes
{
    /// <summary>The default scheme for authenticate, challenge and forbid; it only forwards.</summary>
    public const string Default = "Agenda";

    /// <summary>The browser's sign-in cookie (Identity's application cookie).</summary>
    public static readonly string Cookie = IdentityConstants.ApplicationScheme;

    /// <summary>Personal access tokens in <c>Authorization: Bearer</c>; registered by the access-token feature.</summary>
    public const string Bearer = "Bearer";
}
