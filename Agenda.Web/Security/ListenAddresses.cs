using Agenda.Rmi.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Agenda.Web.Security;

/// <summary>
/// Every address the process will listen on, read from configuration before anything listens: checking what the
/// servers report after they start would be too late, since by then they already accept connections.
/// </summary>
/// <param name="PyroHost"><c>Rmi:Host</c>, or null when <c>Rmi:Enabled=false</c>.</param>
/// <param name="Pyro">The Pyro listeners as an operator reads them (<c>0.0.0.0:9090</c>, ...), for messages.</param>
public sealed record ListenAddresses(IReadOnlyList<string> Http, string? PyroHost, IReadOnlyList<string> Pyro)
{
    /// <summary>
    /// HTTP: the <c>Kestrel:Endpoints:*:Url</c> entries when there are any (Kestrel then ignores <c>Urls</c>), else
    /// <c>Urls</c> as resolved from <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> or the loopback default, split at ';'.
    /// Pyro: both listeners and discovery on <c>Rmi:Host</c>, unless <c>Rmi:Enabled=false</c>.
    /// </summary>
    public static ListenAddresses From(IConfiguration configuration, RmiOptions rmi)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        var http = endpoints.Count > 0
            ? endpoints
            : [.. (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (!rmi.Enabled) return new ListenAddresses(http, null, []);

        List<string> pyro = [$"{rmi.Host}:{rmi.NameServerPort} (Pyro name server)", $"{rmi.Host}:{rmi.DaemonPort} (Pyro objects)"];
        if (rmi.BroadcastPort != 0) pyro.Add($"{rmi.Host}:{rmi.BroadcastPort}/udp (Pyro discovery)");
        return new ListenAddresses(http, rmi.Host, pyro);
    }

    /// <summary>The Pyro listeners share one host: all of them are exposed, or none is.</summary>
    public bool PyroExposed => PyroHost is not null && ListenAddress.IsExposedHost(PyroHost);

    /// <summary>What other machines could reach, HTTP first.</summary>
    public IReadOnlyList<string> Exposed => [.. Http.Where(ListenAddress.IsExposedUrl), .. PyroExposed ? Pyro : []];
}
