using System.Text.Json.Nodes;
using Agenda.Rmi.Client;

namespace Agenda.Web.Tests.Hosting;

/// <summary>
/// The published app started the way a service manager starts it (<c>dotnet /opt/agenda/Agenda.Web.dll</c> from
/// another working directory), with its HTTP address from each place users set it; Pyro runs beside every one.
/// </summary>
public sealed class PublishedAppTests(PublishedAgenda published) : IClassFixture<PublishedAgenda>, IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("agenda-cwd").FullName;

    [Fact]
    public async Task StartedFromAnotherDirectoryItServesItsStylesAndTheBlazorScript()
    {
        var http = $"http://127.0.0.1:{FreePorts.Tcp()}";
        await using var agenda = AgendaRun.Start(published.Dll, _elsewhere, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = http });

        Assert.Equal("Healthy", await agenda.GetWhenUpAsync($"{http}/healthz"));
        Assert.Contains("--accent", await agenda.GetWhenUpAsync($"{http}/app.css"));
        Assert.Contains(".topbar", await agenda.GetWhenUpAsync($"{http}/Agenda.Web.styles.css"));
        Assert.Contains("Blazor", await agenda.GetWhenUpAsync($"{http}/_framework/blazor.web.js"));
        await AssertOnlyHttpIsListedAsHttpAsync(agenda, http);
    }

    [Fact]
    public async Task UrlsFromItsAppsettingsAreReadWhereverItIsStartedFrom()
    {
        var http = $"http://127.0.0.1:{FreePorts.Tcp()}";
        var appsettings = Path.Combine(published.Folder, "appsettings.json");
        var original = await File.ReadAllTextAsync(appsettings);
        var changed = JsonNode.Parse(original)!;
        changed["Urls"] = http;
        await File.WriteAllTextAsync(appsettings, changed.ToJsonString());
        try
        {
            await using var agenda = AgendaRun.Start(published.Dll, _elsewhere, new Dictionary<string, string>());
            Assert.Equal("Healthy", await agenda.GetWhenUpAsync($"{http}/healthz"));
            await AssertOnlyHttpIsListedAsHttpAsync(agenda, http);
        }
        finally { await File.WriteAllTextAsync(appsettings, original); }
    }

    [Fact]
    public async Task KestrelEndpointsFromConfigurationAreBoundBesidePyro()
    {
        var http = $"http://127.0.0.1:{FreePorts.Tcp()}";
        await using var agenda = AgendaRun.Start(published.Dll, published.Folder,
            new Dictionary<string, string> { ["Kestrel__Endpoints__Web__Url"] = http });

        Assert.Equal("Healthy", await agenda.GetWhenUpAsync($"{http}/healthz"));
        await agenda.WaitForLogAsync($"Now listening on: {http}");
        await AssertPyroAnswersAsync(agenda);
    }

    /// <summary>HTTP is announced at its address, the Pyro listeners only as PYRO: URIs, and no address is overridden.</summary>
    private static async Task AssertOnlyHttpIsListedAsHttpAsync(AgendaRun agenda, string http)
    {
        await agenda.WaitForLogAsync($"PYRO:Pyro.NameServer@127.0.0.1:{agenda.NameServerPort}");
        Assert.Contains($"Now listening on: {http}", agenda.Log);
        Assert.Single(agenda.Log.Split('\n'), line => line.Contains("Now listening on:"));
        Assert.DoesNotContain("Overriding address", agenda.Log);
        await AssertPyroAnswersAsync(agenda);
    }

    private static async Task AssertPyroAnswersAsync(AgendaRun agenda)
    {
        await using var nameServer = await NameServerProxy.ConnectAsync("127.0.0.1", agenda.NameServerPort);
        await using var contacts = await PyroProxy.ConnectAsync(await nameServer.LookupAsync("agenda.contacts"));
        Assert.Equal(0L, await contacts.InvokeAsync("count"));
    }

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);
}
