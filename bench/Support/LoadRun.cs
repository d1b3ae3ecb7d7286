using System.Diagnostics;

namespace Agenda.Bench.Support;

/// <summary>Throughput and latency of one case: medians over the measured rounds.</summary>
public sealed record CaseFigures(string Case, int Connections, double CallsPerSecond, double P50Ms, double P99Ms);

/// <summary>
/// Runs <c>connections</c> workers in closed loops (each waits for its reply before the next call): a warm-up, then
/// several measured rounds. Each figure is the median over the rounds, so one noisy round does not decide it.
/// </summary>
public static class LoadRun
{
    public static TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(1);
    public static TimeSpan Round { get; set; } = TimeSpan.FromSeconds(2);
    public static int Rounds { get; set; } = 3;

    /// <param name="createWorker">Makes one worker's call (its own connection); called once per worker.</param>
    public static async Task<CaseFigures> RunAsync(string name, int connections, Func<int, Task<Func<Task>>> createWorker)
    {
        var calls = await Task.WhenAll(Enumerable.Range(0, connections).Select(createWorker));
        await RoundAsync(calls, WarmUp);
        var rounds = new List<(double Rate, double P50, double P99)>();
        for (var i = 0; i < Rounds; i++) rounds.Add(await RoundAsync(calls, Round));
        return new CaseFigures(name, connections, Median(rounds.Select(r => r.Rate)),
            Median(rounds.Select(r => r.P50)), Median(rounds.Select(r => r.P99)));
    }

    private static async Task<(double Rate, double P50, double P99)> RoundAsync(Func<Task>[] calls, TimeSpan length)
    {
        var latencies = new List<long>[calls.Length];
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(length.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(calls.Select(async (call, i) =>
        {
            var mine = latencies[i] = new List<long>(1 << 16);
            await Task.Yield();
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt) break;
                await call();
                mine.Add(Stopwatch.GetTimestamp() - before);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        if (all.Length == 0) throw new InvalidOperationException("no call completed in a round");
        return (all.Length / elapsed, Milliseconds(Percentile(all, 0.50)), Milliseconds(Percentile(all, 0.99)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static long Percentile(long[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
