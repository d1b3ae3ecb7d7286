using System.Diagnostics;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Waits for something another thread or process makes true, checking often, failing after a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Deadline) throw new TimeoutException($"still not true after {Deadline.TotalSeconds} s: {what}");
            await Task.Delay(Interval);
        }
    }
}
