using System.Net;
using System.Text.Json;
using Agenda.Rmi.Capture;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Api;

/// <summary>/api/wire over the app's own <see cref="WireCapture"/>, fed real Pyro messages as a daemon connection would.</summary>
public sealed class WireApiTests : IAsyncLifetime
{
    private readonly AgendaApiApplication _app = new();
    private HttpClient _client = null!;

    private WireCapture Capture => _app.Services.GetRequiredService<WireCapture>();

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    private async Task<JsonElement> GetJsonAsync(string url) => JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement;

    private async Task<JsonElement> PostAsync(string url)
    {
        var response = await _client.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task StartStopAndClearChangeWhatGetWireSays()
    {
        var status = await GetJsonAsync("/api/wire");
        Assert.False(status.GetProperty("recording").GetBoolean());
        Assert.Equal(10_000, status.GetProperty("bounds").GetProperty("maxMessages").GetInt32());

        Assert.True((await PostAsync("/api/wire/start")).GetProperty("recording").GetBoolean());
        WireTraffic.NameServerLookup(Capture);
        status = await GetJsonAsync("/api/wire");
        Assert.Equal((true, 1, 4), (status.GetProperty("recording").GetBoolean(),
            status.GetProperty("conversations").GetInt32(), status.GetProperty("messages").GetInt32()));

        Assert.False((await PostAsync("/api/wire/stop")).GetProperty("recording").GetBoolean());
        Assert.Equal(4, (await GetJsonAsync("/api/wire")).GetProperty("messages").GetInt32()); // stopping keeps what was captured

        var cleared = await PostAsync("/api/wire/clear");
        Assert.Equal((0, 0), (cleared.GetProperty("conversations").GetInt32(), cleared.GetProperty("messages").GetInt32()));
        Assert.False((await GetJsonAsync("/api/wire")).GetProperty("recording").GetBoolean());
    }

    [Fact]
    public async Task ConversationsListsFedConversationsNewestFirstAndFilters()
    {
        Capture.Start();
        var lookup = WireTraffic.NameServerLookup(Capture).Connection.Id;
        var klein = WireTraffic.InserirAndBuscar(Capture).Connection.Id;

        var items = (await GetJsonAsync("/api/wire/conversations")).GetProperty("items");
        Assert.Equal([klein, lookup], items.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var first = items[0];
        Assert.Equal(("objects", "127.0.0.1:50412", 4, true), (first.GetProperty("listener").GetString(), first.GetProperty("client").GetString(),
            first.GetProperty("messageCount").GetInt32(), first.GetProperty("open").GetBoolean()));
        Assert.Equal(["KLEIN_ROCHA.inserir", "KLEIN_ROCHA.buscar"], first.GetProperty("calls").EnumerateArray().Select(c => c.GetString()));

        async Task<long[]> Ids(string query) => [.. (await GetJsonAsync("/api/wire/conversations?" + query)).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
        Assert.Equal([lookup], await Ids("listener=name%20server"));
        Assert.Equal([klein], await Ids("object=klein"));
        Assert.Equal([lookup], await Ids("method=lookup"));
        Assert.Equal([klein], await Ids("limit=1"));
    }

    [Fact]
    public async Task AConversationComesWithItsDecodedMessages()
    {
        Capture.Start();
        var id = WireTraffic.InserirAndBuscar(Capture).Connection.Id;

        var body = await GetJsonAsync($"/api/wire/conversations/{id}");

        Assert.Equal(id, body.GetProperty("conversation").GetProperty("id").GetInt64());
        Assert.Equal((0, 4), (body.GetProperty("offset").GetInt32(), body.GetProperty("total").GetInt32()));
        var messages = body.GetProperty("messages");
        var invoke = messages[0];
        Assert.Equal(("INVOKE", "fromClient"), (invoke.GetProperty("type").GetString(), invoke.GetProperty("direction").GetString()));
        var header = invoke.GetProperty("header");
        Assert.Equal(("PYRO", 48, "INVOKE", "none", 1, "serpent", true), (header.GetProperty("tag").GetString(), header.GetProperty("version").GetInt32(),
            header.GetProperty("typeName").GetString(), header.GetProperty("flagNames").GetString(), header.GetProperty("seq").GetInt32(),
            header.GetProperty("serializer").GetString(), header.GetProperty("checksumValid").GetBoolean()));
        Assert.Equal(("KLEIN_ROCHA", "inserir"), (invoke.GetProperty("call").GetProperty("object").GetString(), invoke.GetProperty("call").GetProperty("method").GetString()));
        Assert.Equal("INVOKE seq=1 KLEIN_ROCHA.inserir", invoke.GetProperty("summary").GetString());
        Assert.Equal(Capture.Messages(id)[0].Bytes, invoke.GetProperty("bytes").GetBytesFromBase64());

        Assert.Equal("0", messages[1].GetProperty("result").GetString());
        Assert.Equal("The daemon answers inserir with the new id 0.", messages[1].GetProperty("narration").GetString());
        var error = messages[3].GetProperty("error");
        Assert.Equal(("builtins.KeyError", "no contact with id 7"), (error.GetProperty("pythonClass").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal("exception", messages[3].GetProperty("header").GetProperty("flagNames").GetString());
    }

    [Fact]
    public async Task AWindowOfMessagesNamesTheQuestionOfAResultAtItsTop()
    {
        Capture.Start();
        var id = WireTraffic.InserirAndBuscar(Capture).Connection.Id;

        var body = await GetJsonAsync($"/api/wire/conversations/{id}?offset=1&limit=1");

        Assert.Equal((1, 4), (body.GetProperty("offset").GetInt32(), body.GetProperty("total").GetInt32()));
        Assert.Equal("The daemon answers inserir with the new id 0.", Assert.Single(body.GetProperty("messages").EnumerateArray()).GetProperty("narration").GetString());
    }

    [Fact]
    public async Task AnUnknownConversationIsA404Problem()
    {
        var problem = await Problem.ReadAsync(await _client.GetAsync("/api/wire/conversations/42"), HttpStatusCode.NotFound);

        Assert.Equal("There is no captured conversation 42; it may have been cleared or dropped for newer messages.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/wire/conversations?limit=0", "limit")]
    [InlineData("/api/wire/conversations/1?limit=1001", "limit")]
    [InlineData("/api/wire/conversations/1?offset=-1", "offset")]
    public async Task AWindowOutOfBoundsIsAValidationProblem(string url, string field)
    {
        var problem = await Problem.ReadAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Equal([field], Problem.Fields(problem));
    }

    [Fact]
    public async Task TheExportIsAPcapngFileAndAnUnknownConversationIsA404()
    {
        var response = await _client.GetAsync("/api/wire/capture.pcapng");
        Assert.Equal("application/x-pcapng", response.Content.Headers.ContentType?.MediaType);
        var file = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x0A, 0x0D, 0x0D, 0x0A], file[..4]); // a pcapng section header block, even with nothing captured

        var problem = await Problem.ReadAsync(await _client.GetAsync("/api/wire/capture.pcapng?conversation=42"), HttpStatusCode.NotFound);
        Assert.Contains("no captured conversation 42", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DiagnosesAreListedNewestFirstWhileNotRecording()
    {
        WireTraffic.Open(Capture, "objects", 50600).Diagnose("serializer", "client sent pickle (4); set PYRO_SERIALIZER=serpent or json");
        WireTraffic.Open(Capture, "name server", 50601, 9090).Diagnose("object", "unknown object 'KLEIN'");

        var items = (await GetJsonAsync("/api/wire/diagnoses")).GetProperty("items");

        Assert.Equal(["unknown object 'KLEIN'", "client sent pickle (4); set PYRO_SERIALIZER=serpent or json"],
            items.EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.Equal(("name server", "127.0.0.1:50601", "object"), (items[0].GetProperty("listener").GetString(),
            items[0].GetProperty("client").GetString(), items[0].GetProperty("problem").GetString()));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
