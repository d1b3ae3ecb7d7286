using Microsoft.AspNetCore.Hosting;

namespace Agenda.Web.Tests;

/// <summary>
/// The in-memory app (WebApplicationFactory) runs the real Pyro listeners too, so it must not take 9090/9091/9095,
/// which a developer's Agenda or another test run on this machine may hold.
/// </summary>
public static class PyroPorts
{
    public static IWebHostBuilder UseFreePyroPorts(this IWebHostBuilder web) => web
        .UseSetting("Rmi:NameServerPort", FreePorts.Tcp().ToString())
        .UseSetting("Rmi:DaemonPort", FreePorts.Tcp().ToString())
        .UseSetting("Rmi:BroadcastPort", "0");
}
