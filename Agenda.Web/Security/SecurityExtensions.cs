namespace Agenda.Web.Security;

public static class SecurityExtensions
{
    /// <summary>Who may read and change contacts: the <c>Security</c> options and, when sign-in is required, accounts and tokens.</summary>
    public static IServiceCollection AddAgendaSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName));
        services.AddExposureRules(configuration);
        return services;
    }
}
