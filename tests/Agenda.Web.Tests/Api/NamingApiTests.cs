using System.Net;
using Agenda.Rmi.Naming;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Web.Tests.Api;

public class NamingApiTests
{
    [Fact]
    public async Task WithoutANameServerNamingIsA503Problem()
    {
        // RMI switched off means no INameRegistry in DI; removing any registration makes that explicit.
        await using var app = new AgendaApiApplication();
        var client = app.WithWebHostBuilder(web => web.ConfigureTestServices(s => s.RemoveAll<INameRegistry>())).CreateClient();

        var problem = await Problem.ReadAsync(await client.GetAsync("/api/naming"), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Pyro name server is not running", problem.GetProperty("detail").GetString());
    }
}
