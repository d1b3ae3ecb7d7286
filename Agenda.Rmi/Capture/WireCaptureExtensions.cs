using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agenda.Rmi.Capture;

public static class WireCaptureExtensions
{
    public const string SectionName = "Rmi:Capture";

    /// <summary>
    /// Registers the one <see cref="WireCapture"/> both daemons, the UI and REST share, with <see cref="WireCaptureOptions"/>
    /// bound from <c>Rmi:Capture</c>. Uses the registered <see cref="TimeProvider"/>, or the system clock when none is.
    /// </summary>
    public static IServiceCollection AddWireCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WireCaptureOptions>().Bind(configuration.GetSection(SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new WireCapture(
            sp.GetRequiredService<IOptions<WireCaptureOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
