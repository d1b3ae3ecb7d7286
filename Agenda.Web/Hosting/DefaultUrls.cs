using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace Agenda.Web.Hosting;

/// <summary>Where HTTP listens when nothing says otherwise: loopback port 5080.</summary>
internal static class DefaultUrls
{
    public const string Urls = "http://127.0.0.1:5080";

    /// <summary>
    /// Puts <see cref="Urls"/> below every other configuration source. As a <c>Urls</c> key in appsettings.json it would
    /// hide <c>ASPNETCORE_URLS</c> (appsettings.json outranks it); down here <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>Urls</c> and <c>Kestrel:Endpoints</c> all win, by Kestrel's own rules.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrls(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(WebHostDefaults.ServerUrlsKey, Urls)],
        });
        return builder;
    }
}
