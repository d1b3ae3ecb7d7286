using System.Diagnostics;

namespace Agenda.Web.Tests.Naming;

/// <summary>
/// Two real Agenda processes, agenda-a and agenda-b, on one database of the test cluster, each with its own name
/// server, driven by Debian's Python Pyro4 (nsc, a daemon, the study's client). Their lease is 3 s (a third of it
/// between renewals) so that waiting for a killed instance's names to go takes seconds; every wait is on a condition,
/// with a deadline of one lease, one renewal and some slack.
/// </summary>
public sealed class SharedNameServerProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LeaseDeadline = Lease + Lease / 3 + TimeSpan.FromSeconds(5);
    private static readonly string Scripts = Path.Combine(TestPaths.Root, "tests", "Agenda.Web.Tests", "Naming", "python");
    private static readonly string StudyClient = Path.Combine(DebianPython.SharedModules, "study_client.py");

    private PostgresDatabase _database = null!;
    private AgendaProcess _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateMigratedAsync();
        var starting = new[] { StartAsync("agenda-a"), StartAsync("agenda-b") };
        try { (_a, _b) = (await starting[0], await starting[1]); }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
    }

    private Task<AgendaProcess> StartAsync(string name) => AgendaProcess.StartAsync(settings: new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__Agenda"] = _database.ConnectionString,
        ["Storage__InstanceName"] = name,
        ["Storage__InstanceLease"] = Lease.ToString(),
    });

    public async Task DisposeAsync()
    {
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string At(AgendaProcess agenda) => $"127.0.0.1:{agenda.NameServerPort}";

    /// <summary><c>python3 -m Pyro4.nsc -n 127.0.0.1 -p PORT ARGS</c> against one instance's name server; its output.</summary>
    private static async Task<string> Nsc(AgendaProcess agenda, params string[] args)
    {
        var run = await DebianPython.RunAsync(["-m", "Pyro4.nsc", "-n", "127.0.0.1", "-p", agenda.NameServerPort.ToString(), .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    private async Task<IReadOnlyList<string>> InstancesInTheDatabase() =>
        await _database.QueryAsync("""SELECT "Name" FROM "Instances" ORDER BY "Name" """);

    [Fact]
    public async Task APythonDaemonRegisteredThroughOneInstanceIsFoundThroughTheOthersNameServer()
    {
        await using var daemon = await PythonBackgroundProcess.StartAsync(Path.Combine(Scripts, "shared_echo_daemon.py"), _a.PyroEnvironment);

        var listed = await Nsc(_b, "list");
        Assert.Contains("test.echo --> PYRO:python.echo@127.0.0.1:", listed);
        foreach (var own in new[] { "KLEIN_ROCHA.agenda-a", "KLEIN_ROCHA.agenda-b", "agenda.contacts.agenda-a", "agenda.contacts.agenda-b" })
            Assert.Contains(own + " --> ", listed);
        Assert.Contains($"KLEIN_ROCHA --> PYRO:KLEIN_ROCHA@127.0.0.1:{_b.DaemonPort}", listed);

        var client = await DebianPython.RunAsync([Path.Combine(Scripts, "shared_names_client.py"), At(_b)]);
        Assert.True(client.ExitCode == 0, client.ToString());
        Assert.Equal(["echo: through the other instance", $"PYROMETA:agenda ports: {string.Join(' ', new[] { _a.DaemonPort, _b.DaemonPort }.Order())}"],
            client.Output.TrimEnd().Split('\n'));

        Assert.Equal(0, await daemon.StopAsync()); // it removes test.echo through A
        Assert.DoesNotContain("test.echo", await Nsc(_b, "list"));
    }

    [Fact]
    public async Task AfterKillNineOfTheInstanceAClientUsedTheSurvivorServesItsNamesWithinTheLease()
    {
        await using var daemon = await PythonBackgroundProcess.StartAsync(Path.Combine(Scripts, "shared_echo_daemon.py"), _a.PyroEnvironment);
        Assert.StartsWith($"PYRO:KLEIN_ROCHA@127.0.0.1:{_a.DaemonPort}", await Nsc(_a, "lookup", "KLEIN_ROCHA"));
        var before = await DebianPython.RunAsync([StudyClient], _a.PyroEnvironment);
        Assert.True(before is { ExitCode: 0, Output: "0\n" }, before.ToString());

        await _a.CrashAsync();
        var crashed = Stopwatch.StartNew();
        string listed = "";
        await Eventually.TrueAsync(async () => !(listed = await Nsc(_b, "list")).Contains("agenda-a"),
            () => $"agenda-a's names still listed by agenda-b {crashed.Elapsed.TotalSeconds:0.0} s after kill -9:\n{listed}", LeaseDeadline);

        Assert.StartsWith($"PYRO:KLEIN_ROCHA@127.0.0.1:{_b.DaemonPort}", await Nsc(_b, "lookup", "KLEIN_ROCHA"));
        Assert.Contains("test.echo --> ", listed); // a client's registration outlives the instance it came through
        var after = await DebianPython.RunAsync([StudyClient], _b.PyroEnvironment);
        Assert.True(after is { ExitCode: 0, Output: "1\n" }, after.ToString());
        await Eventually.TrueAsync(async () => (await InstancesInTheDatabase()).SequenceEqual(["agenda-b"]), () => "agenda-a's row swept", LeaseDeadline);
    }

    [Fact]
    public async Task ACleanStopOfAnInstanceRemovesItAndEverythingItOwnsAtOnce()
    {
        Assert.Equal(["agenda-a", "agenda-b"], await InstancesInTheDatabase());

        Assert.Equal(0, await _a.StopAsync());

        Assert.Equal(["agenda-b"], await InstancesInTheDatabase());
        var listed = await Nsc(_b, "list");
        Assert.DoesNotContain("agenda-a", listed);
        Assert.Contains("agenda.contacts.agenda-b --> ", listed);
        Assert.Equal(["0"], await _database.QueryAsync("""SELECT count(*) FROM "NameRegistrations" WHERE "Name" LIKE '%agenda-a'"""));
    }
}
