using System.Net;
using System.Net.Http.Json;

namespace Agenda.Web.Tests.Hosting;

/// <summary>The real process with each storage provider: PostgreSQL serving, and storage that cannot work refused in one line.</summary>
public class StorageStartupTests
{
    private static AgendaRun Run(Dictionary<string, string> settings) =>
        AgendaRun.Start(TestPaths.AgendaWebDll, TestPaths.AgendaWebProject, settings, "--urls", $"http://127.0.0.1:{FreePorts.Tcp()}");

    [Fact]
    public async Task AnUnreachablePostgresStopsStartupWithOneLineNamingItsAddressAndSetting()
    {
        var closed = FreePorts.Tcp(); // nothing listens there
        await using var run = Run(new()
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Agenda"] = $"Host=127.0.0.1;Port={closed};Database=agenda;Username=agenda;Password=not-for-the-log",
        });

        Assert.Equal(1, await run.ExitCodeAsync());
        var refusal = Assert.Single(run.Log.Split('\n'), line => line.Contains("Agenda will not start"));
        Assert.StartsWith($"Agenda will not start: Cannot connect to PostgreSQL at 127.0.0.1:{closed}, database agenda (ConnectionStrings:Agenda): ", refusal);
        Assert.DoesNotContain("   at ", run.Log); // no stack trace
        Assert.DoesNotContain("Unhandled exception", run.Log);
        Assert.DoesNotContain("not-for-the-log", run.Log);
        Assert.DoesNotContain("Now listening", run.Log);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("00:00:00.5")]
    [InlineData("-00:00:15")]
    public async Task AnInstanceLeaseThatIsNotADurationOfASecondOrMoreStopsStartupWithOneLine(string lease)
    {
        await using var run = Run(new()
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Agenda"] = $"Host=127.0.0.1;Port={FreePorts.Tcp()};Database=agenda;Username=agenda",
            ["Storage__InstanceLease"] = lease,
        });

        Assert.Equal(1, await run.ExitCodeAsync());
        var refusal = Assert.Single(run.Log.Split('\n'), line => line.Contains("Agenda will not start"));
        Assert.Equal($"Agenda will not start: Storage:InstanceLease '{lease}' is not a lease: give a duration of at least 1 s, like 00:00:15 (the default).", refusal.TrimEnd());
        Assert.DoesNotContain("   at ", run.Log);
        Assert.DoesNotContain("Unhandled exception", run.Log);
    }

    [Fact]
    public async Task AnUnknownStorageProviderStopsStartupNamingTheTwoThereAre()
    {
        await using var run = Run(new() { ["Storage__Provider"] = "Oracle" });

        Assert.Equal(1, await run.ExitCodeAsync());
        Assert.Contains("Agenda will not start: Storage:Provider 'Oracle' is not supported: use 'Sqlite' (the default, a database file) or 'Postgres'.", run.Log);
        Assert.DoesNotContain("   at ", run.Log);
    }

    [Fact]
    public async Task OnPostgresAgendaServesAndKeepsContactsInTheDatabase()
    {
        await using var database = await PostgresServer.CreateEmptyAsync();
        var settings = new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["ConnectionStrings__Agenda"] = database.ConnectionString };
        await using (var agenda = await AgendaProcess.StartAsync(settings: settings))
        {
            using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
            var created = await http.PostAsJsonAsync("api/contacts", new { firstName = "Ana", secondName = "Silva", phoneNumber = "69 984059615" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Contains("\"id\":0", await created.Content.ReadAsStringAsync());
        }

        Assert.Equal(["Ana Silva"], await database.QueryAsync("""SELECT "FirstName" || ' ' || "SecondName" FROM "Contacts" """));
        await using var again = await AgendaProcess.StartAsync(settings: settings); // migrations already applied: nothing to do
        using var client = new HttpClient { BaseAddress = again.BaseAddress };
        Assert.Contains("\"firstName\":\"Ana\"", await client.GetStringAsync("api/contacts/0"));
    }

    [Fact]
    public async Task OnPostgresTheUsersCommandKeepsAccountsInTheSameDatabase()
    {
        await using var database = await PostgresServer.CreateEmptyAsync();
        var settings = new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["ConnectionStrings__Agenda"] = database.ConnectionString };
        var data = Directory.CreateTempSubdirectory("agenda-users").FullName;

        var add = await UsersCommandRun.RunAsync(data, "lilac-harbour-42", settings, "users", "add", "ana", "--role", "Admin");
        var list = await UsersCommandRun.RunAsync(data, null, settings, "users", "list");

        Assert.Equal((0, 0), (add.ExitCode, list.ExitCode));
        Assert.Matches(@"ana\s+Admin", list.Output);
        Assert.Equal(["ana"], await database.QueryAsync("""SELECT "UserName" FROM "AspNetUsers" """));
        Assert.False(File.Exists(Path.Combine(data, "agenda.db"))); // nothing went to the SQLite file the command would otherwise use
        Directory.Delete(data, recursive: true);
    }
}
