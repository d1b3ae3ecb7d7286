using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

public class ContactsCrudTests(AgendaApiApplication app) : IClassFixture<AgendaApiApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task PostingAContactReturns201WithLocationETagAndTheStoredContact()
    {
        var response = await _client.PostAsync("/api/contacts", JsonBody(
            """{"firstName":" Bea ","secondName":"Rocha","phoneNumber":"600 111 222","email":"bea@example.com"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ReadContactAsync(response);
        Assert.Equal($"/api/contacts/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"\"{created.Version}\"", response.Headers.ETag?.Tag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(("Bea", "Rocha", "600 111 222", "bea@example.com", 1L),
            (created.FirstName, created.SecondName, created.PhoneNumber, created.Email, created.Version));
        Assert.Equal(created.FirstName, (await app.Store.GetAsync(created.Id)).FirstName);
    }

    [Fact]
    public async Task PostingOnlyAFirstNameLeavesTheOtherFieldsEmpty()
    {
        var response = await _client.PostAsync("/api/contacts", JsonBody("""{"firstName":"Solo"}"""));

        var created = await ReadContactAsync(response);
        Assert.Equal(("Solo", "", "", ""), (created.FirstName, created.SecondName, created.PhoneNumber, created.Email));
    }

    [Fact]
    public async Task ResponsesUseCamelCaseNamesAndUtcTimestamps()
    {
        var contact = await app.SeedAsync();

        var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/contacts/{contact.Id}")).RootElement;

        Assert.Equal(["id", "firstName", "secondName", "middleName", "prefix", "suffix", "nickname", "organization", "jobTitle",
            "phoneNumber", "email", "phones", "emails", "addresses", "urls", "birthday", "anniversary", "notes", "groups", "favorite",
            "uid", "vCardExtras", "version", "createdAt", "updatedAt"], json.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("+00:00", json.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task GettingAContactReturnsItWithItsVersionAsETag()
    {
        var contact = await app.SeedAsync(first: "Gil");

        var response = await _client.GetAsync($"/api/contacts/{contact.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(ContactDto.From(contact), await ReadContactAsync(response));
    }

    [Fact]
    public async Task GettingAnUnknownIdReturns404Problem()
    {
        var response = await _client.GetAsync("/api/contacts/987654321");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("987654321", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PuttingAContactReplacesAllFieldsAndAbsentOnesBecomeEmpty()
    {
        var contact = await app.SeedAsync();

        var response = await _client.PutAsync($"/api/contacts/{contact.Id}", JsonBody("""{"firstName":"Ana Maria","email":"am@example.com"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await ReadContactAsync(response);
        Assert.Equal(("Ana Maria", "", "", "am@example.com", 2L),
            (updated.FirstName, updated.SecondName, updated.PhoneNumber, updated.Email, updated.Version));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(updated, ContactDto.From(await app.Store.GetAsync(contact.Id)));
    }

    [Fact]
    public async Task PuttingAnUnknownIdReturns404AndCreatesNothing()
    {
        var before = await app.AllContactsAsync();

        var response = await _client.PutAsync("/api/contacts/987654321", JsonBody("""{"firstName":"Ghost"}"""));

        await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await app.AllContactsAsync());
    }

    [Fact]
    public async Task DeletingAContactReturns204AndThenItIsGone()
    {
        var contact = await app.SeedAsync();

        var response = await _client.DeleteAsync($"/api/contacts/{contact.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Problem.ReadAsync(await _client.GetAsync($"/api/contacts/{contact.Id}"), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await _client.DeleteAsync($"/api/contacts/{contact.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryWriteIsPublishedAsTheRestDoor()
    {
        var changes = new List<ContactChange>();
        using var subscription = app.Services.GetRequiredService<ContactChangeNotifier>().Subscribe(change =>
        {
            lock (changes) changes.Add(change);
            return Task.CompletedTask;
        });

        var created = await ReadContactAsync(await _client.PostAsync("/api/contacts", JsonBody("""{"firstName":"Door"}""")));
        await _client.PutAsync($"/api/contacts/{created.Id}", JsonBody("""{"firstName":"Door 2"}"""));
        await _client.PatchAsync($"/api/contacts/{created.Id}", JsonBody("""{"secondName":"Rest"}""", "application/merge-patch+json"));
        await _client.DeleteAsync($"/api/contacts/{created.Id}");

        List<ContactChange> mine;
        lock (changes) mine = [.. changes.Where(c => c.ContactId == created.Id)];
        Assert.Equal([ChangeKind.Created, ChangeKind.Updated, ChangeKind.Updated, ChangeKind.Deleted], mine.Select(c => c.Kind));
        Assert.All(mine, c => Assert.Equal(Door.Rest, c.Door));
    }

    [Fact]
    public async Task ListingSearchesWithQAndCountsTheMatchesInTotal()
    {
        await app.SeedAsync(first: "Zebedeu", email: "zeb@example.com");
        await app.SeedAsync(first: "Zebedeu", second: "Filho", email: "zeb2@example.com");

        var page = await _client.GetFromJsonAsync<ContactListDto>("/api/contacts?q=zebedeu", Json);

        Assert.Equal(2, page!.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.All(page.Items, c => Assert.Equal("Zebedeu", c.FirstName));
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task AnUnknownRouteUnderApiIsA404Problem()
    {
        await Problem.ReadAsync(await _client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotSupportIsA405Problem()
    {
        var response = await _client.PutAsync("/api/contacts", JsonBody("{}"));

        await Problem.ReadAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}
