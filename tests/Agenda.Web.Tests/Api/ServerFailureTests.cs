using System.Net;
using Microsoft.Data.Sqlite;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

public class ServerFailureTests
{
    [Fact]
    public async Task ADatabaseFailureIsA500ProblemWithoutDatabaseTextOrStackTrace()
    {
        await using var app = new AgendaApiApplication();
        var client = app.CreateClient();
        await app.SeedAsync();
        // Break the real database underneath the running app.
        await using (var sqlite = new SqliteConnection($"Data Source={app.DatabaseFile}"))
        {
            await sqlite.OpenAsync();
            await using var drop = sqlite.CreateCommand();
            drop.CommandText = "DROP TABLE Contacts;";
            await drop.ExecuteNonQueryAsync();
        }

        var list = await Problem.ReadAsync(await client.GetAsync("/api/contacts"), HttpStatusCode.InternalServerError);
        var create = await Problem.ReadAsync(await client.PostAsync("/api/contacts", JsonBody("""{"firstName":"Ana"}""")),
            HttpStatusCode.InternalServerError);

        foreach (var problem in new[] { list, create })
        {
            Assert.DoesNotContain("Contacts", problem.GetProperty("detail").GetString());
            Assert.False(problem.TryGetProperty("exception", out _));
        }
    }
}
