namespace Agenda.Web.Security;

public static class SecurityExtensions
{
    /// <summary>Who may read and change contacts: the <c>Security</c> options and, when sign-in is required, accounts and tokens.</summary>
    public static IServiceCollection AddAgendaSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName));
        // Registered whether or not sign-in is required: with it off no route asks for a policy, so nothing changes for callers.
        services.AddSignInStandIn().AddBearerTokens();
        services.AddAuthorizationBuilder().AddAgendaPolicies();
        services.AddCascadingAuthenticationState();
        return services;
    }
}
