using System.Security.Claims;
using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Accounts;

/// <summary>
/// A Blazor circuit keeps the person it started with for hours. Every minute this checks that the account still exists
/// with the same security stamp (a new role, a reset password or a delete changes it); if not, the circuit's person
/// becomes anonymous and the pages stop offering anything.
/// </summary>
internal sealed class RevalidatingSignInState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgendaUser>>();
        if (await users.GetUserAsync(state.User) is not { } user) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
