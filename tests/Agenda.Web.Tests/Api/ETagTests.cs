using Agenda.Core.Contacts;
using System.Net;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

public class ETagTests(AgendaApiApplication app) : IClassFixture<AgendaApiApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"7\", \"1\"")]
    [InlineData("*")]
    public async Task IfNoneMatchNamingTheCurrentVersionGives304WithoutBody(string ifNoneMatch)
    {
        var contact = await app.SeedAsync();

        var response = await SendAsync(HttpMethod.Get, contact.Id, ifNoneMatch: ifNoneMatch);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfNoneMatchWithAnOlderVersionGivesTheNewContact()
    {
        var contact = await app.SeedAsync();
        await app.Store.UpdateAsync(contact.Id, ContactCard.Simple("Ana", "Nova", "", ""), null, Core.Contacts.Door.Ui);

        var response = await SendAsync(HttpMethod.Get, contact.Id, ifNoneMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("Nova", (await ReadContactAsync(response)).SecondName);
    }

    [Fact]
    public async Task TheETagFlowReadWriteThenAStaleWriteIsRefusedWith412()
    {
        var contact = await app.SeedAsync();
        var etag = (await _client.GetAsync($"/api/contacts/{contact.Id}")).Headers.ETag!.Tag;

        var put = await SendAsync(HttpMethod.Put, contact.Id, """{"firstName":"Ana","secondName":"Primeira"}""", ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"2\"", put.Headers.ETag?.Tag);
        var afterPut = await app.AllContactsAsync();

        // A second writer still holding the first ETag loses, whichever method it uses.
        var stalePut = await SendAsync(HttpMethod.Put, contact.Id, """{"firstName":"Ana","secondName":"Segunda"}""", ifMatch: etag);
        var stalePatch = await SendAsync(HttpMethod.Patch, contact.Id, """{"secondName":"Segunda"}""", ifMatch: etag);
        var staleDelete = await SendAsync(HttpMethod.Delete, contact.Id, ifMatch: etag);

        foreach (var stale in new[] { stalePut, stalePatch, staleDelete })
        {
            var problem = await Problem.ReadAsync(stale, HttpStatusCode.PreconditionFailed);
            Assert.Contains("\"2\"", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(afterPut, await app.AllContactsAsync());

        var patch = await SendAsync(HttpMethod.Patch, contact.Id, """{"secondName":"Terceira"}""", ifMatch: "\"2\"");
        Assert.Equal("\"3\"", patch.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, contact.Id, ifMatch: "\"3\"")).StatusCode);
    }

    [Fact]
    public async Task OfTenConcurrentWritersHoldingTheSameETagExactlyOneWins()
    {
        var contact = await app.SeedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            SendAsync(HttpMethod.Put, contact.Id, $$"""{"firstName":"Writer {{i}}"}""", ifMatch: "\"1\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await ReadContactAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(winner, Agenda.Web.Api.ContactDto.From(await app.Store.GetAsync(contact.Id)));
        Assert.Equal(2, winner.Version);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"9\", \"1\"")]
    public async Task IfMatchWithStarOrAListContainingTheVersionAllowsTheWrite(string ifMatch)
    {
        var contact = await app.SeedAsync();

        var response = await SendAsync(HttpMethod.Put, contact.Id, """{"firstName":"Listed"}""", ifMatch: ifMatch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Listed", (await app.Store.GetAsync(contact.Id)).FirstName);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task AnIfMatchListWithoutTheCurrentVersionIsA412NamingIt(string method)
    {
        var contact = await app.SeedAsync();

        var response = await SendAsync(new HttpMethod(method), contact.Id,
            method == "DELETE" ? null : """{"firstName":"Unlisted"}""", ifMatch: "\"7\", \"9\"");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("version 1 (ETag \"1\")", problem.GetProperty("detail").GetString());
        Assert.Equal(contact, await app.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task AWeakIfMatchNeverMatchesBecauseIfMatchComparesStrongly()
    {
        var contact = await app.SeedAsync();

        var response = await SendAsync(HttpMethod.Delete, contact.Id, ifMatch: "W/\"1\"");

        await Problem.ReadAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(contact, await app.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task AnUnreadableIfMatchIsA400AndChangesNothing()
    {
        var contact = await app.SeedAsync();

        var response = await SendAsync(HttpMethod.Put, contact.Id, """{"firstName":"Nope"}""", ifMatch: "version 1");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["If-Match"], Problem.Fields(problem));
        Assert.Equal(contact, await app.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task IfMatchOnAnUnknownIdIsA404()
    {
        var response = await SendAsync(HttpMethod.Delete, 987654321, ifMatch: "\"1\"");

        await Problem.ReadAsync(response, HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, long id, string? json = null,
        string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, $"/api/contacts/{id}");
        if (json is not null) request.Content = JsonBody(json);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return _client.SendAsync(request);
    }
}
