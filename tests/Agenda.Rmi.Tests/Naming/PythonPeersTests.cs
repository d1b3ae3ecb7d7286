namespace Agenda.Rmi.Tests.Naming;

/// <summary>Our name server, hosted by AddRmi(), used by unmodified Python Pyro4 4.82 daemons and clients.</summary>
public sealed class PythonPeersTests : IAsyncLifetime
{
    private readonly NamingTestHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();
    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("serpent")]
    [InlineData("json")]
    public async Task APythonDaemonRegistersAndAnotherPythonProcessCallsItByName(string serializer)
    {
        await using var daemon = await PythonBackgroundProcess.StartAsync(Path.Combine(NamingPython.ScriptDirectory, "echo_daemon.py"), _host.PythonEnvironment(serializer));
        var daemonUri = Assert.Single(daemon.Lines);

        var client = await NamingPython.Script("pyroname_client.py", _host.PythonEnvironment(serializer), $"127.0.0.1:{_host.NameServerPort}");

        Assert.True(client.ExitCode == 0, client.ToString());
        Assert.Equal(
            [
                "echo: hello through PYRONAME",
                "whoami: python echo",
                "resolved: " + daemonUri,
                "missing: NamingError unknown name: no.such.name",
            ],
            client.Output.TrimEnd().Split('\n'));
        var registration = Assert.Single(await _host.Registry.SnapshotAsync(), r => r.Name == "test.echo");
        Assert.Equal(daemonUri, registration.Uri);
        Assert.True(registration.Metadata.SetEquals(["kind:echo", "lang:python"]));

        Assert.Equal(0, await daemon.StopAsync());
        Assert.DoesNotContain(await _host.Registry.SnapshotAsync(), r => r.Name == "test.echo");
    }

    [Theory]
    [InlineData("serpent")]
    [InlineData("json")]
    public async Task LocateNsFindsTheHostedNameServerByBroadcastAndCallsIt(string serializer)
    {
        var environment = _host.PythonEnvironment(serializer);
        environment["PYRO_NS_PORT"] = FreePorts.Tcp().ToString(); // the direct loopback try must fail, leaving broadcast
        var result = await NamingPython.Script("locate_ns.py", environment, "ping");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([_host.NameServerUri, "count 1"], result.Output.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task NscWithoutAHostFindsUsThroughTheBroadcastPort()
    {
        // nsc -p without -n means "broadcast port" (Pyro's quirk); the direct TCP try on that number finds nothing.
        var result = await NamingPython.Nsc(_host.PythonEnvironment(), "", "-v", "-p", _host.BroadcastPort.ToString(), "ping");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Name server ping ok.", result.Output);
        Assert.Contains(_host.NameServerUri, result.Output);
    }

    [Fact]
    public async Task TheHostedRegistryStartsWithTheNameServerItself()
    {
        var self = Assert.Single(await _host.Registry.SnapshotAsync());
        Assert.Equal(("Pyro.NameServer", _host.NameServerUri), (self.Name, self.Uri));
        Assert.Equal(["class:Pyro4.naming.NameServer"], self.Metadata);
    }
}
