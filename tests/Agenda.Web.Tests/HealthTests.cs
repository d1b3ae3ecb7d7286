using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Agenda.Web.Tests;

public class HealthTests
{
    [Fact]
    public async Task HealthzAnswersHealthyWhenTheStoreIsUpAndCreatesTheDatabaseFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "agenda-health", Guid.NewGuid().ToString("n"));
        var file = Path.Combine(directory, "nested", "agenda.db");
        await using (var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
                         web.UseSetting("ConnectionStrings:Agenda", $"Data Source={file}").UseFreePyroPorts()))
        {
            var response = await app.CreateClient().GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
        Assert.True(File.Exists(file));
        Directory.Delete(directory, recursive: true);
    }
}
