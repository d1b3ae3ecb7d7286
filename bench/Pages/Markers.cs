using System.Diagnostics;
using System.Net.Http.Json;

namespace Agenda.Bench.Pages;

/// <summary>
/// Favourite contacts named "Marker{n} Bench", written over REST every <see cref="Interval"/> while a load runs, each
/// acknowledgement timestamped: someone changing a contact that every open page shows, once a second. Favourites come first, so every marker lands on the first page of every open contacts
/// page (while there are fewer than 50 of them); <see cref="OpenPages"/> notes when each page shows it.
/// </summary>
public sealed class Markers(HttpClient http)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Numbers go on across runs, so a page never mistakes an earlier run's marker for this one's.
    private static int s_lastNumber;

    private readonly List<(int Number, long Id, double AckedAt)> _written = [];

    public int Count => _written.Count;

    /// <summary>Writes one marker per interval until <paramref name="stop"/>.</summary>
    public async Task WriteUntilAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var number = Interlocked.Increment(ref s_lastNumber);
            using var created = await http.PostAsJsonAsync("api/contacts", new { firstName = $"Marker{number}", secondName = "Bench", favorite = true });
            var ackedAt = UnixMilliseconds();
            created.EnsureSuccessStatusCode();
            _written.Add((number, (await created.Content.ReadFromJsonAsync<Created>())!.Id, ackedAt));
            try { await Task.Delay(Interval, stop); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Waits until every page shows every marker, or <paramref name="patience"/> has passed.</summary>
    public async Task<Lag> LagAsync(OpenPages pages, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        var seen = await pages.MarkersSeenAsync();
        while (Missing(seen) > 0 && clock.Elapsed < patience)
        {
            await Task.Delay(100);
            seen = await pages.MarkersSeenAsync();
        }
        var lags = seen.SelectMany(page => _written.Where(w => page.ContainsKey(w.Number)).Select(w => page[w.Number] - w.AckedAt))
            .Order().ToArray();
        return new Lag(_written.Count * pages.Pages.Count - Missing(seen), _written.Count * pages.Pages.Count,
            lags.Length == 0 ? double.NaN : Percentile(lags, 0.50), lags.Length == 0 ? double.NaN : Percentile(lags, 0.99));
    }

    /// <summary>Deletes the markers, so the next run's fit on the first page.</summary>
    public async Task DeleteAllAsync()
    {
        foreach (var (_, id, _) in _written) (await http.DeleteAsync($"api/contacts/{id}")).EnsureSuccessStatusCode();
        _written.Clear();
    }

    private int Missing(IReadOnlyList<Dictionary<int, double>> seen) => seen.Sum(page => _written.Count(w => !page.ContainsKey(w.Number)));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static double UnixMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private sealed record Created(long Id);
}

/// <summary>How current the pages were: marker sightings out of those expected, and write acknowledgement → row shown.</summary>
public sealed record Lag(int Seen, int Expected, double P50Ms, double P99Ms)
{
    public string SeenText => $"{Seen:N0} of {Expected:N0}";
}
