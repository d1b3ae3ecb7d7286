using System.Net;
using System.Text;
using static Agenda.Web.Tests.Api.TransferFiles;

namespace Agenda.Web.Tests.Api;

/// <summary>
/// What an import refuses before reading a card: a file over Api:MaxImportBytes (413, by Content-Length or by counting a
/// chunked body), a media type it does not read (415), an empty body (400). Each leaves the store exactly as it was.
/// </summary>
public sealed class ImportRefusalTests : IAsyncLifetime
{
    private const int Limit = 8 * 1024;
    private readonly AgendaApiApplication _app = new() { Settings = { ["Api:MaxImportBytes"] = Limit.ToString() } };
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        await _app.SeedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static byte[] CardsOfAtLeast(int bytes)
    {
        var file = new StringBuilder();
        for (var i = 0; file.Length < bytes; i++) file.Append(Card("4.0", $"FN:Person {i}", $"TEL:+1 555 {i:D4}"));
        return Encoding.UTF8.GetBytes(file.ToString());
    }

    private async Task AssertNothingChangedAsync()
    {
        var all = await _app.AllContactsAsync();
        Assert.Equal(("Ana", 1L), (Assert.Single(all).FirstName, all[0].Version));
    }

    [Fact]
    public async Task AFileWhoseContentLengthIsOverTheLimitIsA413NamingTheLimitAndTheSetting()
    {
        var response = await _client.PostAsync("/api/contacts/import", File(CardsOfAtLeast(Limit + 1), "text/vcard"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The file is larger than 8,192 bytes, the most an import takes (Api:MaxImportBytes); nothing was imported. " +
                     "Split it, or raise the setting.", problem.GetProperty("detail").GetString());
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task AChunkedFileIsCountedWhileReadingAndRefusedOnceItPassesTheLimit()
    {
        var file = new StreamContent(new UnseekableStream(CardsOfAtLeast(4 * Limit)));
        file.Headers.ContentType = new("text/vcard");

        var response = await _client.PostAsync("/api/contacts/import", file);

        Assert.Null(file.Headers.ContentLength);
        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task AChunkedFileUnderTheLimitIsImported()
    {
        var cards = CardsOfAtLeast(Limit - 300);
        var file = new StreamContent(new UnseekableStream(cards));
        file.Headers.ContentType = new("text/vcard");

        var report = await ImportAsync(_client, file);

        Assert.True(cards.Length <= Limit);
        Assert.Equal(Encoding.UTF8.GetString(cards).Split("BEGIN:VCARD").Length - 1, report.GetProperty("imported").GetInt32());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public async Task AnotherMediaTypeIsA415ListingTheOnesAnImportTakes(string? mediaType)
    {
        var response = await _client.PostAsync("/api/contacts/import", File(Card("4.0", "FN:Bia"), mediaType));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.StartsWith("Send the file as text/vcard, text/csv, text/x-vcard, text/directory; got '", problem.GetProperty("detail").GetString());
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData("text/x-vcard")]
    [InlineData("text/directory")]
    [InlineData("text/vcard; charset=utf-8")]
    [InlineData("TEXT/VCARD")]
    public async Task ThePhonesOlderNamesForVCardAreTaken(string mediaType)
    {
        var report = await ImportAsync(_client, File(Card("3.0", "FN:Bia Souza"), mediaType));

        Assert.Equal((1, 0, 0, 0), Counts(report));
    }

    [Fact]
    public async Task AnEmptyBodyIsA400()
    {
        var problem = await Problem.ReadAsync(await _client.PostAsync("/api/contacts/import", File("")), HttpStatusCode.BadRequest);

        Assert.Contains("empty", problem.GetProperty("detail").GetString());
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ADryRunThatIsNotTrueOrFalseIsA400()
    {
        var response = await _client.PostAsync("/api/contacts/import?dryRun=maybe", File(Card("4.0", "FN:Bia")));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("dryRun", problem.GetProperty("detail").GetString());
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task TheImportLimitIsItsOwnLargerThanTheJsonOne()
    {
        await using var defaults = new AgendaApiApplication();
        var file = CardsOfAtLeast(200 * 1024); // over Api:MaxRequestBodyBytes (64 KiB), far under Api:MaxImportBytes (32 MiB)

        var report = await ImportAsync(defaults.CreateClient(), File(file, "text/vcard"));

        Assert.Equal(Encoding.UTF8.GetString(file).Split("BEGIN:VCARD").Length - 1, report.GetProperty("imported").GetInt32());
    }

    /// <summary>A body HttpClient cannot measure, so it goes chunked without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
