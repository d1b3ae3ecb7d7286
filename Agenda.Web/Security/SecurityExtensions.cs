using Agenda.Core.Accounts;
using Agenda.Web.Accounts;

namespace Agenda.Web.Security;

public static class SecurityExtensions
{
    /// <summary>Who may read and change contacts: the <c>Security</c> options and, when sign-in is required, accounts and tokens.</summary>
    public static IServiceCollection AddAgendaSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName));
        services.AddExposureRules(configuration);
        services.AddAccessTokens(); // the Tokens page explains itself even while sign-in is off
        // Off, nothing is registered: pages see no authentication state and treat everyone as allowed (AgendaAccess.Open).
        if (configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.RequireSignIn == true)
        {
            services.AddAgendaSignIn(configuration);
            services.AddAuthentication().AddBearerTokens(); // REST callers' personal access tokens
        }
        return services;
    }

    /// <summary>Authentication and authorization when sign-in is required (before antiforgery); nothing otherwise.</summary>
    public static WebApplication UseAgendaSecurity(this WebApplication app)
    {
        if (SignInRegistered(app.Services)) app.UseAgendaSignIn().MapAgendaSignOut();
        return app;
    }

    /// <summary>After migrations: roles and the bootstrap admin when sign-in is required.</summary>
    public static async Task InitializeSecurityAsync(this IServiceProvider services)
    {
        if (SignInRegistered(services)) await services.InitializeAccountsAsync();
    }

    /// <summary>Whether sign-in is on; decided once, when the services were registered, and the pipeline follows.</summary>
    public static bool SignInRegistered(IServiceProvider services) => services.GetService<UserAccounts>() is not null;
}
