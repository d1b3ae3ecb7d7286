namespace Agenda.Rmi.Tests.Daemon;

/// <summary>A daemon with Rmi:HmacKey set, against Python clients with the right key, a wrong key and none.</summary>
public class HmacTests : IAsyncLifetime
{
    private const string Key = "agenda-s3cret";
    private RmiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RmiTestHost.StartAsync(new() { ["Rmi:HmacKey"] = Key });
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ClientWithTheSameKeyPassesEveryCheck()
    {
        var result = await PythonRunner.RunAsync("daemon_checks.py", [_host.Uri, Key], PythonClientTests.Env("json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("all checks passed", result.Output);
    }

    [Fact]
    public async Task ClientWithAWrongKeyIsRefused()
    {
        var result = await PythonRunner.RunAsync("connect_refused.py", [_host.Uri, "wrong"], PythonClientTests.Env("json"));

        Assert.StartsWith("refused Pyro4.errors.", result.Output);
        Assert.Contains("hmac mismatch", result.Output);
    }

    [Fact]
    public async Task ClientWithoutAKeyIsRefused()
    {
        var result = await PythonRunner.RunAsync("connect_refused.py", [_host.Uri], PythonClientTests.Env("json"));

        Assert.StartsWith("refused Pyro4.errors.", result.Output);
        Assert.Contains("hmac key config not symmetric", result.Output);
    }
}
