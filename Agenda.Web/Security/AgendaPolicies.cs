using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Agenda.Web.Security;

/// <summary>Authorization policies by what a caller may do; each role includes the ones before it.</summary>
public static class AgendaPolicies
{
    /// <summary>Read contacts, the name server and the wire: any role.</summary>
    public const string Read = "Read";

    /// <summary>Add, change and delete contacts: Editor or Admin.</summary>
    public const string Write = "Write";

    /// <summary>Users, access tokens, the wire capture's controls and name-server administration.</summary>
    public const string Admin = "Admin";

    public static AuthorizationBuilder AddAgendaPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(AgendaRoles.Viewer, AgendaRoles.Editor, AgendaRoles.Admin))
        // A token's scope narrows its owner's role, never widens it: a Viewer's read-write token still cannot write.
        .AddPolicy(Write, p => p.RequireAuthenticatedUser().RequireRole(AgendaRoles.Editor, AgendaRoles.Admin)
            .RequireAssertion(c => AgendaClaims.ScopeAllowsWrites(c.User)))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AgendaRoles.Admin));
}
