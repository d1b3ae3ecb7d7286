using Agenda.Rmi.Hosting;
using Agenda.Rmi.Naming;
using Agenda.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Components;

public sealed class NameServerPageTests : IDisposable
{
    private readonly BunitContext _context = new();

    // The options binding the app uses (Rmi section → RmiOptions), over in-memory settings.
    private void Configure(Dictionary<string, string?> settings) =>
        _context.Services.Configure<RmiOptions>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(RmiOptions.SectionName));

    [Fact]
    public void WhenTheNameServerIsNotRunningThePageSaysRmiIsDisabledAndShowsTheDefaultPorts()
    {
        Configure([]);
        _context.Services.AddSingleton<INameRegistry>(NameServerNotRunning.Instance);

        var page = _context.Render<NameServerPage>();

        Assert.Contains("RMI disabled", page.Find("[role=status] h2").TextContent);
        Assert.Empty(page.FindAll("table.registrations"));
        Assert.Equal(["127.0.0.1", "9090", "9091", "9095"], page.FindAll("dl.settings dd").Select(d => d.TextContent));
    }

    [Fact]
    public void ConfiguredHostAndPortsAppearInTheSettingsAndThePythonSnippet()
    {
        Configure(new()
        {
            ["Rmi:Host"] = "0.0.0.0", ["Rmi:AdvertisedHost"] = "agenda.lan",
            ["Rmi:NameServerPort"] = "7001", ["Rmi:BroadcastPort"] = "0", ["Rmi:DaemonPort"] = "7003",
        });
        _context.Services.AddSingleton<INameRegistry>(new InMemoryNameRegistry());

        var page = _context.Render<NameServerPage>();

        Assert.Equal(["agenda.lan", "7001", "off", "7003"], page.FindAll("dl.settings dd").Select(d => d.TextContent));
        Assert.Contains("PYRONAME:KLEIN_ROCHA@agenda.lan:7001", page.Find("pre code").TextContent);
    }

    [Fact]
    public async Task RegistrationsAreListedAndANewOneAppearsWithoutAReload()
    {
        Configure([]);
        var registry = new InMemoryNameRegistry();
        await registry.RegisterFromAnotherThreadAsync("Pyro.NameServer", "PYRO:Pyro.NameServer@127.0.0.1:9090", "class:Pyro4.naming.NameServer");
        _context.Services.AddSingleton<INameRegistry>(registry);

        var page = _context.Render<NameServerPage>();
        Assert.Empty(page.FindAll(".disabled"));
        Assert.Single(page.FindAll("table.registrations tbody tr"));

        await registry.RegisterFromAnotherThreadAsync("KLEIN_ROCHA", "PYRO:obj_1@127.0.0.1:9095", "agenda", "contacts");

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("table.registrations tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.Equal(["KLEIN_ROCHA", "PYRO:obj_1@127.0.0.1:9095", "agenda, contacts"], rows[1].QuerySelectorAll("td").Select(td => td.TextContent));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ThePageStopsListeningToTheRegistryWhenDisposed()
    {
        Configure([]);
        var registry = new InMemoryNameRegistry();
        _context.Services.AddSingleton<INameRegistry>(registry);

        _context.Render<NameServerPage>();
        Assert.Equal(1, registry.SubscriberCount);
        _context.Dispose();

        Assert.Equal(0, registry.SubscriberCount);
    }

    public void Dispose() => _context.Dispose();
}
