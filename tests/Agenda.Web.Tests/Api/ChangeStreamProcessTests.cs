namespace Agenda.Web.Tests.Api;

/// <summary>The change stream of the real process: what Debian's Python Pyro4 writes reaches it, and stopping ends it.</summary>
public class ChangeStreamProcessTests
{
    [Fact]
    public async Task APythonInserirThroughKleinRochaArrivesAsACreatedEventFromDoorRmiNamingTheClient()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        await using var changes = await ChangeStreamClient.OpenAsync(http);

        var run = await DebianPython.RunAsync([Path.Combine(DebianPython.SharedModules, "instances_client.py"), "inserir",
            agenda.ObjectUri("KLEIN_ROCHA"), "Klein", "Rocha", "69 984059615", "klein@example.com"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var created = await changes.NextAsync();
        Assert.Equal(("created", long.Parse(run.Output.Trim()), "rmi"), (created.Kind, created.Id, created.Door));
        Assert.StartsWith("127.0.0.1:", created.Data.GetProperty("who").GetString());
        Assert.Equal(("Klein", "Rocha", "69 984059615", "klein@example.com"),
            (created.Contact.GetProperty("firstName").GetString(), created.Contact.GetProperty("secondName").GetString(),
             created.Contact.GetProperty("phoneNumber").GetString(), created.Contact.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task StoppingTheProcessEndsAnOpenStreamCleanlyInsteadOfWaitingForItsReader()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        await using var changes = await ChangeStreamClient.OpenAsync(http);

        var stopping = agenda.StopAsync();

        // The response's proper end, well before ASP.NET Core's 30 s shutdown timeout would abort the connection.
        var ended = await Assert.ThrowsAsync<InvalidOperationException>(() => changes.NextAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("the change stream ended", ended.Message);
        Assert.Equal(0, await stopping);
        Assert.DoesNotContain("fail:", agenda.Log);
    }
}
