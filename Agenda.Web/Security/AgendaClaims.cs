using System.Security.Claims;
using Agenda.Core.Accounts;

namespace Agenda.Web.Security;

/// <summary>Claims a personal access token adds to its owner's identity.</summary>
public static class AgendaClaims
{
    /// <summary>"read" or "read-write" (<see cref="AccessTokenScopes"/>); absent for a signed-in browser.</summary>
    public const string Scope = "scope";

    /// <summary>The token's name, for attribution ("token ci-sync (ana)").</summary>
    public const string TokenName = "token_name";

    /// <summary>True for a cookie sign-in (no scope) and for a read-write token.</summary>
    public static bool ScopeAllowsWrites(ClaimsPrincipal user) =>
        user.FindFirst(Scope) is not { } scope || scope.Value == AccessTokenScopes.ReadWrite;
}
