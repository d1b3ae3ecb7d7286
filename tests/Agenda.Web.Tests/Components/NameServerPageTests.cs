using Agenda.Core.Accounts;
using Agenda.Core.Instances;
using Agenda.Core.Naming;
using Agenda.Rmi.Hosting;
using Agenda.Rmi.Naming;
using Agenda.Web.Components.Pages;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

public sealed class NameServerPageTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public NameServerPageTests() => _context.Services.AddSingleton<TimeProvider>(_time);

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

    // Sign-in on, as the app cascades it: a person with a role, the name server with its own entry and KLEIN_ROCHA.
    private async Task<(InMemoryNameRegistry Registry, BunitAuthorizationContext Auth)> SignedInAsync(string role)
    {
        Configure([]);
        var registry = new InMemoryNameRegistry();
        await registry.RegisterFromAnotherThreadAsync(NameServer.ObjectId, "PYRO:Pyro.NameServer@127.0.0.1:9090");
        await registry.RegisterFromAnotherThreadAsync("KLEIN_ROCHA", "PYRO:obj_1@127.0.0.1:9095");
        _context.Services.AddSingleton<INameRegistry>(registry);
        var auth = _context.AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return (registry, auth);
    }

    [Fact]
    public async Task AnAdminRemovesARegistrationAfterConfirmingButNeverTheNameServersOwn()
    {
        var (registry, _) = await SignedInAsync(AgendaRoles.Admin);
        var page = _context.Render<NameServerPage>();
        Assert.Equal(["Remove KLEIN_ROCHA"], page.FindAll("table.registrations button").Select(b => b.GetAttribute("aria-label")));
        Assert.Contains("NamingError", page.Find("section[aria-labelledby=registrations-title] p").TextContent);

        await page.Find("button[aria-label='Remove KLEIN_ROCHA']").ClickAsync(new());
        Assert.Contains("Remove KLEIN_ROCHA from the name server?", page.Find("[role=alertdialog]").TextContent);
        Assert.Equal(2, registry.Snapshot().Count);

        await page.Find("[role=alertdialog] button.danger").ClickAsync(new());

        Assert.Equal([NameServer.ObjectId], registry.Snapshot().Select(e => e.Name));
        Assert.Equal("Removed KLEIN_ROCHA.", page.Find("[role=alert]").TextContent);
        Assert.Single(page.FindAll("table.registrations tbody tr"));
    }

    [Fact]
    public async Task KeepingItCancelsTheRemoval()
    {
        var (registry, _) = await SignedInAsync(AgendaRoles.Admin);
        var page = _context.Render<NameServerPage>();

        await page.Find("button[aria-label='Remove KLEIN_ROCHA']").ClickAsync(new());
        await page.Find("[role=alertdialog] button.secondary").ClickAsync(new());

        Assert.Empty(page.FindAll("[role=alertdialog]"));
        Assert.Equal(2, registry.Snapshot().Count);
    }

    [Theory]
    [InlineData(AgendaRoles.Viewer)]
    [InlineData(AgendaRoles.Editor)]
    public async Task NonAdminsSeeTheRegistrationsButNoRemoveButton(string role)
    {
        await SignedInAsync(role);

        var page = _context.Render<NameServerPage>();

        Assert.Equal(2, page.FindAll("table.registrations tbody tr").Count);
        Assert.Empty(page.FindAll("table.registrations button"));
        Assert.Equal(3, page.FindAll("table.registrations th").Count);
    }

    [Fact]
    public async Task WithSignInOffNobodyRemovesFromThePage()
    {
        Configure([]);
        var registry = new InMemoryNameRegistry();
        await registry.RegisterFromAnotherThreadAsync("KLEIN_ROCHA", "PYRO:obj_1@127.0.0.1:9095");
        _context.Services.AddSingleton<INameRegistry>(registry);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var page = _context.Render<NameServerPage>();

        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public async Task AnAdminDemotedBeforeConfirmingIsRefusedAndTheNameStays()
    {
        var (registry, auth) = await SignedInAsync(AgendaRoles.Admin);
        var page = _context.Render<NameServerPage>();
        await page.Find("button[aria-label='Remove KLEIN_ROCHA']").ClickAsync(new());

        auth.SetRoles(AgendaRoles.Viewer);
        await page.Find("[role=alertdialog] button.danger").ClickAsync(new());

        Assert.Equal("Only admins remove registrations.", page.Find("[role=alert]").TextContent);
        Assert.Equal(2, registry.Snapshot().Count);
        Assert.Empty(page.FindAll("table.registrations button"));
    }

    // A shared name server (PostgreSQL) as instance agenda-b sees it: itself alive, agenda-a lapsed 20 s ago.
    private static InMemoryNameRegistry SharedRegistry(DateTime now)
    {
        var registry = new InMemoryNameRegistry { Instance = AgendaInstance.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AgendaInstance.NameSetting] = "agenda-b" }).Build()) };
        registry.Instances.Add(new InstanceStatus("agenda-a.0001", "agenda-a", "PYRO:Pyro.NameServer@10.0.0.1:9090",
            "PYRO:Pyro.Daemon@10.0.0.1:9095", now.AddMinutes(-5), now.AddSeconds(-35), now.AddSeconds(-20)));
        registry.Instances.Add(new InstanceStatus(registry.Instance.Id, "agenda-b", "PYRO:Pyro.NameServer@10.0.0.2:9090",
            "PYRO:Pyro.Daemon@10.0.0.2:9095", now.AddMinutes(-1), now.AddSeconds(-3), now.AddSeconds(12)));
        return registry;
    }

    [Fact]
    public async Task ASharedNameServerShowsTheInstancesWithLeaseAgeAndStateAndWhichInstanceEachNameIsFrom()
    {
        Configure([]);
        var registry = SharedRegistry(_time.GetUtcNow().UtcDateTime);
        await registry.RegisterFromAnotherThreadAsync("KLEIN_ROCHA.agenda-b", "PYRO:KLEIN_ROCHA@10.0.0.2:9095", "KLEIN_ROCHA");
        _context.Services.AddSingleton<INameRegistry>(registry);

        var page = _context.Render<NameServerPage>();

        var rows = page.FindAll("table.instances tbody tr");
        Assert.Equal(["agenda-a", "PYRO:Pyro.NameServer@10.0.0.1:9090", "PYRO:Pyro.Daemon@10.0.0.1:9095", "35 s", "expired"],
            rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["agenda-b (this one)", "3 s", "alive"], rows[1].QuerySelectorAll("td").Select(td => td.TextContent).Where((_, i) => i is 0 or 3 or 4));
        Assert.Equal("Instance", page.FindAll("table.registrations th").Last().TextContent);
    }

    [Fact]
    public void ASharedNameServersPageReloadsEveryTwoSecondsForOtherInstancesChanges()
    {
        Configure([]);
        var now = _time.GetUtcNow().UtcDateTime;
        var registry = SharedRegistry(now);
        _context.Services.AddSingleton<INameRegistry>(registry);
        var page = _context.Render<NameServerPage>();
        Assert.Equal(2, page.FindAll("table.instances tbody tr").Count);

        lock (registry.Instances)
            registry.Instances.Add(new InstanceStatus("agenda-c.0003", "agenda-c", "PYRO:Pyro.NameServer@10.0.0.3:9090",
                "PYRO:Pyro.Daemon@10.0.0.3:9095", now, now, now.AddSeconds(15)));
        _time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForAssertion(() => Assert.Equal(["agenda-a", "agenda-b (this one)", "agenda-c"],
            page.FindAll("table.instances tbody tr td:first-child").Select(td => td.TextContent)), TimeSpan.FromSeconds(5));
        Assert.Equal("2 s", page.FindAll("table.instances tbody tr")[2].QuerySelectorAll("td")[3].TextContent);
    }

    [Fact]
    public void WhenTheSharedNameServersDatabaseDoesNotAnswerThePageSaysSo()
    {
        Configure([]);
        var registry = SharedRegistry(_time.GetUtcNow().UtcDateTime);
        registry.Unavailable = new SharedNamesUnavailableException(
            "The shared name server's database did not answer while listing names: connection refused", new TimeoutException());
        _context.Services.AddSingleton<INameRegistry>(registry);

        var page = _context.Render<NameServerPage>();

        Assert.Equal("The shared name server's database did not answer while listing names: connection refused",
            page.Find("p.unavailable[role=alert]").TextContent);
    }

    public void Dispose() => _context.Dispose();
}
