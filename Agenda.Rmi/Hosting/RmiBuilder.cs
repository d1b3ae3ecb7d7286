using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Rmi.Hosting;

/// <summary>
/// Handed to the callback of <c>AddRmi</c>, which runs only when RMI is enabled: extensions on this type add things
/// that exist only beside running Pyro daemons, so they never ask <c>Rmi:Enabled</c> themselves.
/// </summary>
public sealed class RmiBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;
}
