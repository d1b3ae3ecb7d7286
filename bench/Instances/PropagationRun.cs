using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Agenda.Bench.Instances;

/// <summary>
/// How long a write acknowledged on instance A takes to reach a reader of instance B's change stream: REST creates on
/// A, one at a time, each timed from the request to its acknowledgement and to its event on B's stream (and on A's
/// own, for comparison: the same path without PostgreSQL's notice between two processes). Readers note arrivals on
/// their own tasks, so an event that comes before the acknowledgement is read counts as early (a negative figure).
/// </summary>
public static class PropagationRun
{
    private const int WarmUpWrites = 50;

    /// <summary>Milliseconds per write, each list in write order.</summary>
    public sealed record Figures(double[] Acknowledged, double[] OnAAfterAck, double[] OnBAfterAck, double[] OnBAfterSend);

    public static async Task<Figures> MeasureAsync(AgendaProcess a, AgendaProcess b, int writes)
    {
        using var rest = new HttpClient { BaseAddress = a.BaseAddress };
        await using var onA = await Arrivals.OpenAsync(a);
        await using var onB = await Arrivals.OpenAsync(b);
        for (var i = 0; i < WarmUpWrites; i++) await WriteAsync(rest, onA, onB, i);

        var samples = new List<(long Sent, long Acked, long OnA, long OnB)>(writes);
        for (var i = 0; i < writes; i++) samples.Add(await WriteAsync(rest, onA, onB, WarmUpWrites + i));
        return new Figures(
            [.. samples.Select(s => Ms(s.Acked - s.Sent))], [.. samples.Select(s => Ms(s.OnA - s.Acked))],
            [.. samples.Select(s => Ms(s.OnB - s.Acked))], [.. samples.Select(s => Ms(s.OnB - s.Sent))]);
    }

    private static async Task<(long, long, long, long)> WriteAsync(HttpClient rest, Arrivals onA, Arrivals onB, int i)
    {
        var sent = Stopwatch.GetTimestamp();
        using var created = await rest.PostAsJsonAsync("api/contacts", new { firstName = $"Propagated{i}", secondName = "Bench" });
        var acked = Stopwatch.GetTimestamp();
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        return (sent, acked, await onA.WhenAsync(id), await onB.WhenAsync(id));
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>One instance's change stream, read on its own task; when each created contact's event arrived.</summary>
    private sealed class Arrivals : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<long, long> _at = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private readonly HttpClient _http;
        private readonly ChangeStreamClient _stream;
        private readonly Task _reading;

        private Arrivals(HttpClient http, ChangeStreamClient stream)
        {
            (_http, _stream) = (http, stream);
            _reading = Task.Run(ReadAsync);
        }

        public static async Task<Arrivals> OpenAsync(AgendaProcess instance)
        {
            var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            return new Arrivals(http, await ChangeStreamClient.OpenAsync(http));
        }

        public async Task<long> WhenAsync(long id)
        {
            long at;
            while (!_at.TryGetValue(id, out at))
                if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(30)))
                    throw new TimeoutException($"no event for contact {id} in 30 s" + (_reading.IsFaulted ? $": {_reading.Exception}" : ""));
            return at;
        }

        private async Task ReadAsync()
        {
            while (true)
            {
                var change = await _stream.NextAsync(Timeout.InfiniteTimeSpan);
                if (change.Kind == "created") _at[change.Id] = Stopwatch.GetTimestamp();
                _arrived.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            try { await _reading; }
            catch (Exception) { } // the stream was closed under it: how reading ends
            _http.Dispose();
        }
    }
}
