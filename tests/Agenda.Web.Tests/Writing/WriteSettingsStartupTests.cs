using Agenda.Web.Tests.Hosting;

namespace Agenda.Web.Tests.Writing;

/// <summary>The real process refuses write settings it cannot honour, in one line naming the setting, before it listens.</summary>
public class WriteSettingsStartupTests
{
    private static AgendaRun Run(Dictionary<string, string> settings) =>
        AgendaRun.Start(TestPaths.AgendaWebDll, TestPaths.AgendaWebProject, settings, "--urls", $"http://127.0.0.1:{FreePorts.Tcp()}");

    [Theory]
    [InlineData("Storage__Synchronous", "Off", "Agenda will not start: Storage:Synchronous 'Off' is not supported: use 'Normal' (the default")]
    [InlineData("Storage__MaxPendingWrites", "none", "Agenda will not start: Storage:MaxPendingWrites 'none' is not a number of writes")]
    public async Task AWriteSettingThatCannotBeHonouredStopsStartupInOneLine(string key, string value, string refusal)
    {
        await using var run = Run(new() { [key] = value });

        Assert.Equal(1, await run.ExitCodeAsync());
        Assert.Single(run.Log.Split('\n'), line => line.StartsWith(refusal));
        Assert.DoesNotContain("   at ", run.Log);
        Assert.DoesNotContain("Now listening", run.Log);
    }
}
