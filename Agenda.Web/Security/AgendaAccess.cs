using System.Security.Claims;
using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Microsoft.AspNetCore.Components.Authorization;

namespace Agenda.Web.Security;

/// <summary>
/// What the person at this page may do, and who they are. Pages ask it again before every write, not only when
/// rendering, so a hidden control cannot be forced. With sign-in off nothing cascades an authentication state and
/// everyone may do everything (the zero-configuration behaviour on loopback).
/// </summary>
/// <param name="Role">One of <see cref="AgendaRoles"/>; null for someone who may do nothing.</param>
public sealed record AgendaAccess(string? UserName, string? Role)
{
    /// <summary>Sign-in is off: no one is named and nothing is refused.</summary>
    public static readonly AgendaAccess Open = new(null, AgendaRoles.Admin);

    public static readonly AgendaAccess Nobody = new(null, null);

    public bool SignedIn => UserName is not null;
    public bool CanRead => Role is not null;
    public bool CanWrite => Role is AgendaRoles.Editor or AgendaRoles.Admin;
    public bool IsAdmin => Role is AgendaRoles.Admin;

    /// <summary>Where a write by this person comes from, for the change event's badge.</summary>
    public WriteOrigin Origin => new(Door.Ui, UserName);

    /// <param name="state">The cascaded authentication state; null when sign-in is off.</param>
    public static async Task<AgendaAccess> OfAsync(Task<AuthenticationState>? state) =>
        state is null ? Open : Of((await state).User);

    public static AgendaAccess Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { } name }) return Nobody;
        // The strongest role wins: AgendaRoles.All runs from weakest to strongest.
        return new(name, AgendaRoles.All.LastOrDefault(user.IsInRole));
    }
}
