using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Agenda.Web.Security;

/// <summary>
/// Authorization policies by role. STAND-IN for the accounts branch's file of the same name (same policy names); the
/// scope rule in <see cref="Write"/> is this branch's and must survive the merge.
/// </summary>
public static class AgendaPolicies
{
    public const string Read = "Read";
    public const string Write = "Write";
    public const string Admin = "Admin";

    public static AuthorizationBuilder AddAgendaPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(AgendaRoles.All))
        // A token's scope narrows its owner's role, never widens it: a Viewer's read-write token still cannot write.
        .AddPolicy(Write, p => p.RequireAuthenticatedUser().RequireRole(AgendaRoles.Editor, AgendaRoles.Admin)
            .RequireAssertion(c => AgendaClaims.ScopeAllowsWrites(c.User)))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AgendaRoles.Admin));
}
