using System.Security.Claims;
using System.Text.Encodings.Web;
using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Security;

/// <summary>
/// The "Bearer" scheme: a personal access token in <c>Authorization: Bearer agt_...</c> signs the request in as the
/// token's owner, with the owner's current roles (so a demoted user's tokens shrink with them) and the token's scope.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokens tokens, UserManager<AgendaUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    // The failure text reaches the log; it never contains the token.
    private const string Refused = "The access token is unknown, revoked or expired, or its owner cannot sign in.";

    public static bool HasBearerHeader(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerHeader(Request)) return AuthenticateResult.NoResult();
        var presented = Request.Headers.Authorization.ToString()[Prefix.Length..].Trim();
        if (await tokens.VerifyAsync(presented, Context.RequestAborted) is not { } token) return AuthenticateResult.Fail(Refused);
        if (await users.FindByIdAsync(token.UserId) is not { } owner || await users.IsLockedOutAsync(owner))
            return AuthenticateResult.Fail(Refused);

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, owner.Id),
            new(ClaimTypes.Name, owner.UserName ?? owner.Id),
            new(AgendaClaims.Scope, token.Scope),
            new(AgendaClaims.TokenName, token.Name),
        ];
        claims.AddRange((await users.GetRolesAsync(owner)).Select(role => new Claim(ClaimTypes.Role, role)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AuthProblems.WriteUnauthorizedAsync(Context, invalidToken: result.Failure is not null);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.WriteForbiddenAsync(Context);
}
