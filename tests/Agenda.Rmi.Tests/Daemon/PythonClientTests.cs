namespace Agenda.Rmi.Tests.Daemon;

/// <summary>The daemon driven by Debian's Python Pyro4 4.82 (one Python process runs many checks, see python/daemon_checks.py).</summary>
public class PythonClientTests : IAsyncLifetime
{
    private RmiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RmiTestHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Serializers))]
    public async Task StockPythonClientPassesEveryCheck(string serializer)
    {
        var result = await PythonRunner.RunAsync("daemon_checks.py", [_host.Uri], Env(serializer));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("all checks passed", result.Output);
        Assert.Equal(13, result.Output.Split('\n').Count(line => line.StartsWith("ok ")));
    }

    public static TheoryData<string> Serializers => new(Agenda.Rmi.Serialization.PyroSerializers.Default.All.Select(s => s.Name));

    [Theory]
    [InlineData("pickle", "4 (pickle)")]
    [InlineData("marshal", "3 (marshal)")]
    public async Task UnsafeSerializerIsRefusedWithAReadableReason(string serializer, string named)
    {
        var result = await PythonRunner.RunAsync("connect_refused.py", [_host.Uri], Env(serializer));

        Assert.StartsWith("refused Pyro4.errors.CommunicationError: connection to ('127.0.0.1',", result.Output);
        Assert.Contains($"rejected: message used serializer that is not accepted: {named}; this server accepts", result.Output);
        Assert.Contains("json (2)", result.Output);
    }

    [Fact]
    public async Task PyroListenersLeaveTheConfiguredHttpUrlWorking()
    {
        using var http = new HttpClient();

        Assert.Equal("http ok", await http.GetStringAsync($"http://127.0.0.1:{_host.HttpPort}/"));
    }

    internal static Dictionary<string, string> Env(string serializer) => new() { ["PYRO_SERIALIZER"] = serializer };
}
