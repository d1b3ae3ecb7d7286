using Agenda.Rmi.Hosting;
using Agenda.Rmi.Naming;

namespace Agenda.Web.Security;

internal static class ExposureExtensions
{
    /// <summary>
    /// The exposure rules that apply once Agenda runs: the AllowAnonymous warning at start, and the name server's
    /// write rule, which follows sign-in unless <c>Rmi:NameServerWrites</c> says otherwise.
    /// </summary>
    public static IServiceCollection AddExposureRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<AnonymousAccessWarning>();
        var requireSignIn = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.RequireSignIn ?? false;
        // With sign-in required, a stranger must not be able to point PYRONAME:KLEIN_ROCHA elsewhere.
        services.PostConfigure<RmiOptions>(rmi =>
            rmi.NameServerWrites ??= requireSignIn ? NameServerWrites.LoopbackAndAllowed : NameServerWrites.Anyone);
        return services;
    }
}
