using System.Net;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

/// <summary>PATCH is JSON Merge Patch (RFC 7396): a member set to null is cleared, an absent member is kept.</summary>
public class MergePatchTests(AgendaApiApplication app) : IClassFixture<AgendaApiApplication>
{
    private const string MergePatch = "application/merge-patch+json";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task NullClearsAFieldAndAbsentFieldsAreKept()
    {
        var contact = await app.SeedAsync();

        var response = await _client.PatchAsync($"/api/contacts/{contact.Id}",
            JsonBody("""{"phoneNumber":"+34 600 111 222","email":null}""", MergePatch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await ReadContactAsync(response);
        Assert.Equal(("Ana", "Silva", "+34 600 111 222", "", 2L),
            (patched.FirstName, patched.SecondName, patched.PhoneNumber, patched.Email, patched.Version));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(patched, Agenda.Web.Api.ContactDto.From(await app.Store.GetAsync(contact.Id)));
    }

    [Fact]
    public async Task PlainApplicationJsonIsAcceptedForPatchToo()
    {
        var contact = await app.SeedAsync();

        var response = await _client.PatchAsync($"/api/contacts/{contact.Id}", JsonBody("""{"secondName":"Souza"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Ana", "Souza"), ((await app.Store.GetAsync(contact.Id)).FirstName, (await app.Store.GetAsync(contact.Id)).SecondName));
    }

    [Fact]
    public async Task AnEmptyPatchChangesNothingAndKeepsTheVersion()
    {
        var contact = await app.SeedAsync();

        var response = await _client.PatchAsync($"/api/contacts/{contact.Id}", JsonBody("{}", MergePatch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(contact, await app.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task APatchRepeatingTheStoredValuesKeepsTheVersion()
    {
        var contact = await app.SeedAsync();

        var response = await _client.PatchAsync($"/api/contacts/{contact.Id}",
            JsonBody("""{"firstName":"Ana","email":"ana.silva@example.com"}""", MergePatch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(contact, await app.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task ConcurrentPatchesOfDifferentFieldsBothLand()
    {
        var contact = await app.SeedAsync();

        var responses = await Task.WhenAll(
            _client.PatchAsync($"/api/contacts/{contact.Id}", JsonBody("""{"secondName":"Souza"}""", MergePatch)),
            _client.PatchAsync($"/api/contacts/{contact.Id}", JsonBody("""{"phoneNumber":"600 111 222"}""", MergePatch)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await app.Store.GetAsync(contact.Id);
        Assert.Equal(("Souza", "600 111 222", 3L), (stored.SecondName, stored.PhoneNumber, stored.Version));
    }

    [Fact]
    public async Task ClearingTheRequiredFirstNameIsA400AndChangesNothing()
    {
        var contact = await app.SeedAsync();

        var response = await _client.PatchAsync($"/api/contacts/{contact.Id}", JsonBody("""{"firstName":null}""", MergePatch));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["First name is required."], Problem.Errors(problem, "firstName"));
        Assert.Equal(contact, await app.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task PatchingAnUnknownIdIsA404()
    {
        var response = await _client.PatchAsync("/api/contacts/987654321", JsonBody("""{"firstName":"X"}""", MergePatch));

        await Problem.ReadAsync(response, HttpStatusCode.NotFound);
    }
}
