using System.Security.Claims;
using Agenda.Core.Contacts;

namespace Agenda.Web.Security;

/// <summary>Who a REST write came from, for change events and the UI's badge.</summary>
public static class RestWriteOrigin
{
    /// <summary>"token ci-sync (ana)" for a token, the user name for a signed-in browser, nobody when anonymous.</summary>
    public static WriteOrigin Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Door.Rest;
        var name = user.Identity.Name;
        return user.FindFirst(AgendaClaims.TokenName) is { } token
            ? new WriteOrigin(Door.Rest, $"token {token.Value} ({name})")
            : new WriteOrigin(Door.Rest, name);
    }
}
