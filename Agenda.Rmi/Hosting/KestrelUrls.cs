using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Agenda.Rmi.Hosting;

/// <summary>
/// Binds the addresses the host would have used (<c>urls</c> from appsettings, <c>--urls</c> or ASPNETCORE_URLS;
/// <c>http_ports</c>/<c>https_ports</c>; else Kestrel's default) as explicit Kestrel endpoints. Needed because once any
/// endpoint is configured in code Kestrel binds only those and ignores the configured URLs.
/// </summary>
internal static class KestrelUrls
{
    public static void ListenOnConfiguredUrls(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        // Endpoints from the Kestrel:Endpoints section also override Urls, and Kestrel binds them on its own.
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any()) return;
        foreach (var url in ConfiguredUrls(configuration)) Listen(kestrel, BindingAddress.Parse(url));
    }

    private static IEnumerable<string> ConfiguredUrls(IConfiguration configuration)
    {
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]).ToList();
        if (urls.Count == 0)
            urls = [.. Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}"),
                    .. Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}")];
        return urls.Count > 0 ? urls : ["http://localhost:5000"];
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address)
    {
        Action<ListenOptions> configure = address.Scheme == "https" ? l => l.UseHttps() : _ => { };
        if (address.IsUnixPipe) kestrel.ListenUnixSocket(address.UnixPipePath, configure);
        else if (address.Host == "localhost") kestrel.ListenLocalhost(address.Port, configure);
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip)) kestrel.Listen(ip, address.Port, configure);
        else kestrel.ListenAnyIP(address.Port, configure); // *, + and host names bind every interface, as Kestrel does
    }
}
