using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Security;

/// <summary>
/// STAND-IN for the accounts branch's Identity and cookie registration, just enough for tokens to have owners and roles:
/// Identity's user and role managers, a cookie scheme whose /api challenges are problems, and the default policy scheme.
/// At merge, keep the accounts branch's registration and let its cookie events call <see cref="AuthProblems"/> for /api.
/// </summary>
internal static class SignInStandIn
{
    public static AuthenticationBuilder AddSignInStandIn(this IServiceCollection services)
    {
        services.AddIdentityCore<AgendaUser>().AddRoles<IdentityRole>().AddAgendaAccountStores();
        return services.AddAuthentication(AgendaAuthSchemes.Default)
            .AddPolicyScheme(AgendaAuthSchemes.Default, "Cookie or access token", o => o.ForwardDefaultSelector = AgendaAuthSchemes.Select)
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                cookie.LoginPath = "/signin";
                cookie.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = c => AuthProblems.IsApiRequest(c.HttpContext)
                        ? AuthProblems.WriteUnauthorizedAsync(c.HttpContext, invalidToken: false)
                        : RedirectAsync(c),
                    OnRedirectToAccessDenied = c => AuthProblems.IsApiRequest(c.HttpContext)
                        ? AuthProblems.WriteForbiddenAsync(c.HttpContext)
                        : RedirectAsync(c),
                };
            });
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
