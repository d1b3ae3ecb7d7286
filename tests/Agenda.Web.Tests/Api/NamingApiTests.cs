using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Agenda.Web.Tests.Api;

public class NamingApiTests
{
    [Fact]
    public async Task WithoutANameServerNamingIsA503Problem()
    {
        await using var app = new AgendaApiApplication();
        var client = app.WithWebHostBuilder(web => web.UseSetting("Rmi:Enabled", "false")).CreateClient();

        var problem = await Problem.ReadAsync(await client.GetAsync("/api/naming"), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Pyro name server is not running", problem.GetProperty("detail").GetString());
    }
}

public class NamingApiWithNameServerTests
{
    [Fact]
    public async Task NamingListsTheNameServerAndTheAgendaObjectsWithTheirMetadata()
    {
        await using var app = new AgendaApiApplication();
        var client = app.CreateClient();
        await client.GetAsync("/healthz"); // the host has started, so the agenda objects are registered

        var body = await client.GetStringAsync("/api/naming");

        using var json = System.Text.Json.JsonDocument.Parse(body);
        var items = json.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i);
        Assert.StartsWith("PYRO:Pyro.NameServer@", items["Pyro.NameServer"].GetProperty("uri").GetString());
        Assert.StartsWith("PYRO:KLEIN_ROCHA@", items["KLEIN_ROCHA"].GetProperty("uri").GetString());
        Assert.Equal(["agenda"], items["agenda.contacts"].GetProperty("metadata").EnumerateArray().Select(m => m.GetString()));
    }
}
