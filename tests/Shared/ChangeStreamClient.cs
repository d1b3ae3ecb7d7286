using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Agenda.Tests;

/// <summary>One event of <c>GET /api/contacts/changes</c>: its name (the kind) and its data.</summary>
public sealed record ChangeEvent(string Name, JsonElement Data)
{
    public string Kind => Data.GetProperty("kind").GetString()!;
    public long Id => Data.GetProperty("id").GetInt64();
    public string? Door => Data.GetProperty("door").GetString();
    public JsonElement Contact => Data.GetProperty("contact");
}

/// <summary>
/// A reader of Agenda's change stream, as any SSE client reads it. Opened, it has read the stream's first event (a
/// resync), so the server is subscribed and every change from then on will come. Disposing closes the connection.
/// </summary>
public sealed class ChangeStreamClient : IAsyncDisposable
{
    public const string Path = "api/contacts/changes";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private ChangeStreamClient(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events)
    {
        _response = response;
        _events = events;
    }

    /// <summary>Opens the stream through <paramref name="http"/> (its address and headers) and reads the opening resync.</summary>
    public static async Task<ChangeStreamClient> OpenAsync(HttpClient http)
    {
        var response = await http.GetAsync(Path, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            throw new InvalidOperationException($"{Path} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadAsStreamAsync();
        var stream = new ChangeStreamClient(response, SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator());
        var first = await stream.NextAsync();
        return first.Kind == "resync" ? stream : throw new InvalidOperationException($"the stream opened with {first}, not a resync");
    }

    /// <summary>The next event; fails after <paramref name="wait"/> (10 s unless given) or when the stream ends.</summary>
    public async Task<ChangeEvent> NextAsync(TimeSpan? wait = null)
    {
        if (!await _events.MoveNextAsync().AsTask().WaitAsync(wait ?? DefaultWait))
            throw new InvalidOperationException("the change stream ended");
        return new ChangeEvent(_events.Current.EventType, JsonDocument.Parse(_events.Current.Data).RootElement.Clone());
    }

    /// <summary>The next event that is not about another contact than <paramref name="id"/> (other tests' writes may interleave).</summary>
    public async Task<ChangeEvent> NextAboutAsync(long id, TimeSpan? wait = null)
    {
        while (true)
        {
            var next = await NextAsync(wait);
            if (next.Kind == "resync" || next.Id == id) return next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose(); // closes the connection: the server's stream ends and gives its slot back
        // A read still waiting (a reader on another task) fails with the closed connection, and the parser refuses to
        // be disposed under it (NotSupportedException): either way the stream is done.
        try { await _events.DisposeAsync(); }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or HttpRequestException
                                      or InvalidOperationException or NotSupportedException) { }
    }
}
