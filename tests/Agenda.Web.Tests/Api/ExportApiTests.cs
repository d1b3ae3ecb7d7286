using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Agenda.Web.Api;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

/// <summary>GET /api/contacts/export: the book as a file, read back by python3-vobject and by Agenda's own import.</summary>
public sealed class ExportApiTests : IAsyncLifetime
{
    private readonly AgendaApiApplication _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        foreach (var body in new[]
                 {
                     """{"firstName":"Ana","secondName":"Silva","phones":[{"label":"mobile","number":"+34 698 405 961"}],"emails":[{"address":"ana@example.com"}],"groups":["Family"],"favorite":true}""",
                     """{"firstName":"Bia","secondName":"Souza","phones":[{"label":"work","number":"910 000 111"}],"groups":["Work"]}""",
                     """{"firstName":"美咲","secondName":"山田","notes":"🎉 長いメモ","groups":["Family","Book club"],"birthday":"--05-17"}""",
                 })
            Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/contacts", JsonBody(body))).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ContactDto[]> AllAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<ContactListDto>("/api/contacts?pageSize=500", Json))!.Items];

    [Fact]
    public async Task TheVCardExportIsAnAttachmentNamedAfterTodayThatVobjectReadsContactByContact()
    {
        var response = await _client.GetAsync("/api/contacts/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var disposition = response.Content.Headers.ContentDisposition?.ToString() ?? "";
        var name = Regex.Match(disposition, "^attachment; filename=\"agenda-(\\d{8})\\.vcf\"$");
        Assert.True(name.Success, disposition);
        var day = DateTime.ParseExact(name.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.InRange((DateTime.Now.Date - day).TotalDays, 0, 1); // today, or yesterday when run across midnight

        var cards = await TransferFiles.ReadWithVobjectAsync(await response.Content.ReadAsStringAsync());
        var contacts = await AllAsync(_client);
        Assert.Equal(contacts.Select(c => (c.FirstName, c.SecondName, c.Uid)), cards.Select(c => (c.Given, c.Family, c.Uid)));
        Assert.All(cards, c => Assert.Equal("4.0", c.Version));
        Assert.Equal(["+34 698 405 961"], cards[0].Tel);
        Assert.Equal(["ana@example.com"], cards[0].Email);
        Assert.Equal(["Family", "Book club"], cards[2].Categories);
        Assert.Equal("美咲 山田", cards[2].Fn);
    }

    [Fact]
    public async Task Vcard3GivesVersion3CardsThatVobjectReads()
    {
        var response = await _client.GetAsync("/api/contacts/export?format=vcard3");

        Assert.Equal("text/vcard; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var cards = await TransferFiles.ReadWithVobjectAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(["3.0", "3.0", "3.0"], cards.Select(c => c.Version));
        Assert.Equal(["Ana", "Bia", "美咲"], cards.Select(c => c.Given));
    }

    [Fact]
    public async Task TheCsvExportImportedIntoAnotherAgendaGivesTheSameContacts()
    {
        var response = await _client.GetAsync("/api/contacts/export?format=csv");
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Matches("^attachment; filename=\"agenda-\\d{8}\\.csv\"$", response.Content.Headers.ContentDisposition?.ToString());
        var csv = await response.Content.ReadAsByteArrayAsync();

        await using var other = new AgendaApiApplication();
        var otherClient = other.CreateClient();
        var report = await TransferFiles.ImportAsync(otherClient, TransferFiles.File(csv, "text/csv"));

        Assert.Equal((3, 0, 0, 0), TransferFiles.Counts(report));
        static ContactDto Card(ContactDto c) => c with { Id = 0, Version = 0, CreatedAt = default, UpdatedAt = default };
        Assert.Equal((await AllAsync(_client)).Select(Card), (await AllAsync(otherClient)).Select(Card));
    }

    [Theory]
    [InlineData("q=silva", "Ana")]
    [InlineData("group=FAMILY", "Ana 美咲")]
    [InlineData("group=family&favorite=false", "美咲")]
    [InlineData("q=910000111", "Bia")]
    [InlineData("q=nobody", "")]
    public async Task TheFiltersOfTheListNarrowTheExport(string query, string names)
    {
        var vcf = await _client.GetStringAsync($"/api/contacts/export?{query}");

        var cards = vcf.Length == 0 ? [] : await TransferFiles.ReadWithVobjectAsync(vcf);
        Assert.Equal(names, string.Join(' ', cards.Select(c => c.Given)));
    }

    [Fact]
    public async Task AFilteredCsvExportKeepsItsHeaderRow()
    {
        var csv = await _client.GetStringAsync("/api/contacts/export?format=csv&q=nobody");

        Assert.StartsWith("\uFEFFFirst Name,", csv);
        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task AnUnknownFormatIsA400ThatListsTheFormats()
    {
        var problem = await Problem.ReadAsync(await _client.GetAsync("/api/contacts/export?format=xml"), HttpStatusCode.BadRequest);

        Assert.Equal(["format must be one of vcard, vcard3, csv; got 'xml'."], Problem.Errors(problem, "format"));
    }
}
