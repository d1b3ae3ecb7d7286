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

    [Fact]
    public async Task AskedForJsonHealthzNamesEachCheckAndOnSqliteThereAreNoOtherInstancesToHear()
    {
        var directory = Path.Combine(Path.GetTempPath(), "agenda-health", Guid.NewGuid().ToString("n"));
        await using (var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
                         web.UseSetting("ConnectionStrings:Agenda", $"Data Source={Path.Combine(directory, "agenda.db")}").UseFreePyroPorts()))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
            request.Headers.Accept.ParseAdd("application/json");
            var response = await app.CreateClient().SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(
                """{"status":"Healthy","checks":{"store":{"status":"Healthy","description":"contact store answers"},"changes":{"status":"Healthy","description":"one instance (SQLite): no other instances' changes to hear"}}}""",
                await response.Content.ReadAsStringAsync());
        }
        Directory.Delete(directory, recursive: true);
    }
}
