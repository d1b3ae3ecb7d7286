using Microsoft.Extensions.Hosting;

namespace Agenda.Web.Hosting;

/// <summary>Where the app reads <c>appsettings.json</c> and <c>wwwroot</c> from (the host's content root).</summary>
internal static class AppFolder
{
    /// <summary>
    /// Null, leaving the host's choice, when a content root is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>)
    /// or the working directory holds the app's settings (<c>dotnet run</c>, a shell in the publish folder, the
    /// container); otherwise the folder of Agenda.Web.dll, so a service manager may start
    /// <c>dotnet /opt/agenda/Agenda.Web.dll</c> from any directory and the settings, CSS and scripts are still found.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var given = new ConfigurationBuilder().AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args).Build()[HostDefaults.ContentRootKey];
        if (given is not null || File.Exists(Path.Combine(Environment.CurrentDirectory, "appsettings.json"))) return null;
        return AppContext.BaseDirectory;
    }
}
