using System.Diagnostics;

namespace Agenda.Bench.Support;

/// <summary>One kind of caller in a mixed load: its name, how many closed-loop workers, and how to make one worker's call.</summary>
public sealed record LoadDoor(string Name, int Connections, Func<int, Task<Func<Task>>> CreateWorker);

/// <summary>
/// Runs several kinds of callers at once (<see cref="LoadRun"/> runs one): every worker calls in a closed loop from the
/// start; the calls that finish inside the measured window, after the warm-up, are the figures of their door.
/// </summary>
public static class TimedLoad
{
    public static async Task<IReadOnlyList<CaseFigures>> RunAsync(IReadOnlyList<LoadDoor> doors, TimeSpan warmUp, TimeSpan measured)
    {
        var calls = await Task.WhenAll(doors.Select(d => Task.WhenAll(Enumerable.Range(0, d.Connections).Select(d.CreateWorker))));
        var started = Stopwatch.GetTimestamp();
        var from = started + Ticks(warmUp);
        var until = from + Ticks(measured);
        var finished = await Task.WhenAll(calls.Select(door => Task.WhenAll(door.Select(call => LoopAsync(call, from, until)))));
        return [.. doors.Select((door, i) =>
        {
            var latencies = finished[i].SelectMany(w => w).Order().ToArray();
            return latencies.Length == 0
                ? new CaseFigures(door.Name, door.Connections, 0, double.NaN, double.NaN)
                : new CaseFigures(door.Name, door.Connections, latencies.Length / measured.TotalSeconds,
                    LoadRun.Milliseconds(LoadRun.Percentile(latencies, 0.50)), LoadRun.Milliseconds(LoadRun.Percentile(latencies, 0.99)));
        })];
    }

    /// <summary>Calls until <paramref name="until"/>; returns the latencies of the calls that finished in [from, until].</summary>
    private static async Task<List<long>> LoopAsync(Func<Task> call, long from, long until)
    {
        var counted = new List<long>(1 << 14);
        await Task.Yield();
        while (Stopwatch.GetTimestamp() < until)
        {
            var before = Stopwatch.GetTimestamp();
            await call();
            var after = Stopwatch.GetTimestamp();
            if (after >= from && after <= until) counted.Add(after - before);
        }
        return counted;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
