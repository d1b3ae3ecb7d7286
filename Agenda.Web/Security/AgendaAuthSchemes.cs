using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Security;

/// <summary>
/// The authentication schemes. STAND-IN for the accounts branch's file of the same name (same constants): the default
/// is a policy scheme that forwards to <see cref="Bearer"/> when the request carries <c>Authorization: Bearer</c>, and to
/// Identity's cookie otherwise.
/// </summary>
public static class AgendaAuthSchemes
{
    public const string Default = "Agenda";
    public const string Bearer = "Bearer";
    public const string Cookie = "Identity.Application"; // IdentityConstants.ApplicationScheme

    public static string Select(HttpContext http) =>
        BearerTokenHandler.HasBearerHeader(http.Request) ? Bearer : IdentityConstants.ApplicationScheme;
}
