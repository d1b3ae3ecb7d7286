using System.Diagnostics;

namespace Agenda.Tests;

/// <summary>
/// Waits for something another thread or process makes true, checking often and failing after a deadline (10 s unless
/// given), with a description of what was awaited. Linked into every test project.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), () => what, deadline);

    /// <summary><paramref name="describe"/> is read only on failure, so it can show state as it was then (a log).</summary>
    public static Task TrueAsync(Func<bool> condition, Func<string> describe, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), describe, deadline);

    public static async Task TrueAsync(Func<Task<bool>> condition, Func<string> describe, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"still not true after {limit.TotalSeconds} s: {describe()}");
            await Task.Delay(Interval);
        }
    }
}
