using Agenda.Core.Accounts;
using Agenda.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Accounts;

/// <summary>Browser sign-in with local accounts (Identity), only when <c>Security:RequireSignIn</c> is true.</summary>
public static class SignInExtensions
{
    public static IServiceCollection AddAgendaSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BootstrapAdminOptions>().Bind(configuration.GetSection(BootstrapAdminOptions.SectionName));
        services.AddIdentity<AgendaUser, IdentityRole>(AccountRules.Apply).AddAgendaAccountStores();
        services.AddSingleton<UserAccounts>();

        // After AddIdentity, whose defaults point straight at the cookie: every request goes through the policy scheme.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = o.DefaultForbidScheme = AgendaAuthSchemes.Default;
            })
            .AddPolicyScheme(AgendaAuthSchemes.Default, "Sign-in cookie or bearer token", o => o.ForwardDefaultSelector = SchemeFor);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "Agenda.SignIn";
            cookie.Cookie.HttpOnly = true;
            // Lax, not Strict: a link to Agenda from mail or a chat must not land signed out; forms carry antiforgery tokens.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/signin";
            cookie.Events.OnRedirectToLogin = ctx => AnswerApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = ctx => AnswerApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // A changed role, reset password or deleted account ends old cookies within a minute, not Identity's 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddAgendaPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingSignInState>();
        return services;
    }

    /// <summary>Authentication and authorization, before antiforgery (which needs to know who is asking).</summary>
    public static WebApplication UseAgendaSignIn(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>POST /signout: a form with an antiforgery token, so another site cannot sign people out.</summary>
    public static WebApplication MapAgendaSignOut(this WebApplication app)
    {
        // Checked here: the antiforgery middleware only marks a request, and this endpoint binds no form that would refuse it.
        app.MapPost("/signout", async Task<Results<RedirectHttpResult, BadRequest>> (HttpContext http, IAntiforgery antiforgery, SignInManager<AgendaUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/signin");
        }).ExcludeFromDescription();
        return app;
    }

    public static async Task InitializeAccountsAsync(this IServiceProvider services)
    {
        await AccountsStartup.SeedRolesAsync(services);
        await AccountsStartup.CreateBootstrapAdminAsync(services);
    }

    // A bearer token goes to its handler once the access-token feature registers one; until then, and for browsers,
    // the cookie decides.
    private static string SchemeFor(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.RequestServices.GetRequiredService<IOptions<AuthenticationOptions>>().Value.SchemeMap.ContainsKey(AgendaAuthSchemes.Bearer);
        return bearer ? AgendaAuthSchemes.Bearer : AgendaAuthSchemes.Cookie;
    }

    // REST callers get a problem (401 with its WWW-Authenticate, or 403), never a sign-in page.
    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (AuthProblems.IsApiRequest(ctx.HttpContext))
            return status == StatusCodes.Status401Unauthorized
                ? AuthProblems.WriteUnauthorizedAsync(ctx.HttpContext, invalidToken: false)
                : AuthProblems.WriteForbiddenAsync(ctx.HttpContext);
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
