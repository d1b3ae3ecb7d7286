namespace Agenda.Web.Tests.Pyro;

/// <summary>The one Agenda process, driven by Debian's Python Pyro4 4.82 exactly as its users' programs drive it.</summary>
public class AgendaOverPyroTests
{
    private static async Task<string> RunOk(AgendaProcess agenda, string script, params string[] args)
    {
        var result = await PythonScript.RunAsync(script, agenda.PyroEnvironment, args);
        Assert.True(result.ExitCode == 0, $"{script}: {result}\nAgenda log:\n{agenda.Log}");
        return result.Output;
    }

    [Fact]
    public async Task TheOriginalAgendaClientWorksUnmodifiedThroughKleinRocha()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        Assert.Contains("original client ok", await RunOk(agenda, "original_client.py"));
    }

    [Fact]
    public async Task AStockClientWithoutConvertersUsesAgendaContacts()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        Assert.Contains("contacts client ok", await RunOk(agenda, "contacts_client.py"));
    }

    [Fact]
    public async Task BadCallsRaiseThePythonExceptionAndLeaveTheStoreUnchanged()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        Assert.Equal("0", (await RunOk(agenda, "insert_one.py", "0", "1")).Trim());
        Assert.Contains("error client ok", await RunOk(agenda, "error_client.py"));
    }

    [Fact]
    public async Task TwentyClientProcessesInsertingAtOnceGetDistinctIdsAndEveryRowIsStored()
    {
        const int clients = 20, each = 10;
        await using var agenda = await AgendaProcess.StartAsync();
        var outputs = await Task.WhenAll(Enumerable.Range(0, clients).Select(w => RunOk(agenda, "insert_one.py", $"{w}", $"{each}")));

        var ids = outputs.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(long.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, clients * each).Select(i => (long)i), ids.Order());
        var counted = (await RunOk(agenda, "count_contacts.py")).Split('\n');
        Assert.Equal($"{clients * each}", counted[0]);
        Assert.Equal(string.Join(" ", Enumerable.Range(0, clients * each)), counted[1]);
    }

    [Fact]
    public async Task AnInsertAcknowledgedOverPyroSurvivesACrashOfTheProcess()
    {
        // One data directory for both processes (the test's to remove: a directory passed in is the caller's).
        var dataDirectory = Directory.CreateTempSubdirectory("agenda-crash").FullName;
        try
        {
            await using (var first = await AgendaProcess.StartAsync(dataDirectory))
            {
                await RunOk(first, "insert_one.py", "7", "3");
                await first.CrashAsync();
            }
            await using var second = await AgendaProcess.StartAsync(dataDirectory);
            Assert.Equal("3", (await RunOk(second, "count_contacts.py")).Split('\n')[0]);
        }
        finally { Directory.Delete(dataDirectory, recursive: true); }
    }

    [Fact]
    public async Task TheProcessLogsWhereClientsConnectForEachListener()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        Assert.Contains($"127.0.0.1:{agenda.NameServerPort}", agenda.Log);
        Assert.Contains($"127.0.0.1:{agenda.DaemonPort}", agenda.Log);
        Assert.Contains($"127.0.0.1:{agenda.HttpPort}", agenda.Log);
    }
}
