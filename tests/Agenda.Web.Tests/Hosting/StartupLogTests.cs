using Agenda.Web.Tests.Pyro;

namespace Agenda.Web.Tests.Hosting;

/// <summary>What a user reads when Agenda starts (as with <c>dotnet run --project Agenda.Web</c>, HTTP from <c>--urls</c>).</summary>
public class StartupLogTests
{
    [Fact]
    public async Task TheLogShowsTheHttpAddressAndThePyroUrisAndNoPyroPortAsAnHttpAddress()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        var nameServer = $"PYRO:Pyro.NameServer@127.0.0.1:{agenda.NameServerPort}";
        var daemon = $"PYRO:Pyro.Daemon@127.0.0.1:{agenda.DaemonPort}";
        // The console logger writes in the background: wait for the last of the startup lines.
        await Eventually.TrueAsync(() => agenda.Log.Contains(nameServer) && agenda.Log.Contains(daemon),
            () => $"no Pyro URIs in the log:\n{agenda.Log}", TimeSpan.FromSeconds(30));

        var log = agenda.Log;
        Assert.Contains($"Now listening on: http://127.0.0.1:{agenda.HttpPort}", log);
        Assert.DoesNotContain($":{agenda.NameServerPort}", Lines(log, "Now listening on:"));
        Assert.DoesNotContain($":{agenda.DaemonPort}", Lines(log, "Now listening on:"));
        Assert.DoesNotContain("Overriding address", log);
    }

    private static string Lines(string log, string containing) =>
        string.Join('\n', log.Split('\n').Where(line => line.Contains(containing)));
}
