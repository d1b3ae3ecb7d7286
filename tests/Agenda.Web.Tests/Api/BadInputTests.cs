using System.Net;
using System.Text;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

/// <summary>
/// Each bad input through each writing method gets its documented problem and leaves every stored contact as it was.
/// A 1 MB name is refused by the 64 KiB body limit (413) before it is parsed; a name just over the 100-character
/// field limit gets the store's field problem (400).
/// </summary>
public class BadInputTests(AgendaApiApplication app) : IClassFixture<AgendaApiApplication>
{
    private const string Json = "application/json";
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string, string, string, HttpStatusCode, string?> Cases()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode, string?>();
        var megabyteName = $$"""{"firstName":"{{new string('a', 1024 * 1024)}}"}""";
        foreach (var method in new[] { "POST", "PUT", "PATCH" })
        {
            data.Add(method, Json, """{"firstName":"Ana","email":"ana at example"}""", HttpStatusCode.BadRequest, "email");
            data.Add(method, Json, """{"firstName":"Ana","phoneNumber":"call me"}""", HttpStatusCode.BadRequest, "phoneNumber");
            data.Add(method, Json, $$"""{"firstName":"{{new string('b', 101)}}"}""", HttpStatusCode.BadRequest, "firstName");
            data.Add(method, Json, megabyteName, HttpStatusCode.RequestEntityTooLarge, null);
            data.Add(method, Json, """{"firstName":"Ana",""", HttpStatusCode.BadRequest, "$");
            data.Add(method, Json, "", HttpStatusCode.BadRequest, "$");
            data.Add(method, Json, """["Ana"]""", HttpStatusCode.BadRequest, "$");
            data.Add(method, Json, """{"firstName":"Ana","nick":"Aninha"}""", HttpStatusCode.BadRequest, "nick");
            data.Add(method, Json, """{"firstName":"Ana","vCardExtras":["X-FOO:bar"]}""", HttpStatusCode.BadRequest, "vCardExtras");
            data.Add(method, Json, """{"firstName":"Ana","phones":"600 111 222"}""", HttpStatusCode.BadRequest, "phones");
            data.Add(method, Json, """{"firstName":"Ana","phones":[{"number":"600 111 222"},"610"]}""", HttpStatusCode.BadRequest, "phones[1]");
            data.Add(method, Json, """{"firstName":"Ana","phones":[{"number":"600 111 222"},{"number":610}]}""", HttpStatusCode.BadRequest, "phones[1].number");
            data.Add(method, Json, """{"firstName":"Ana","phones":[{"number":"600 111 222","kind":"cell"}]}""", HttpStatusCode.BadRequest, "phones[0].kind");
            data.Add(method, Json, """{"firstName":"Ana","phones":[{"number":"600 111 222"},{"number":"call me"}]}""", HttpStatusCode.BadRequest, "phones[1].number");
            data.Add(method, Json, """{"firstName":"Ana","phoneNumber":"600 111 222","phones":[]}""", HttpStatusCode.BadRequest, "phoneNumber");
            data.Add(method, Json, $$"""{"firstName":"Ana","addresses":[{"postalCode":"{{new string('9', 101)}}"}]}""", HttpStatusCode.BadRequest, "addresses[0].postalCode");
            data.Add(method, Json, """{"firstName":"Ana","birthday":"17/05/1990"}""", HttpStatusCode.BadRequest, "birthday");
            data.Add(method, Json, """{"firstName":"Ana","favorite":"yes"}""", HttpStatusCode.BadRequest, "favorite");
            data.Add(method, Json, """{"firstName":"Ana","groups":["Family",1]}""", HttpStatusCode.BadRequest, "groups[1]");
            data.Add(method, Json, """{"firstName":"Ana","id":5}""", HttpStatusCode.BadRequest, "id");
            data.Add(method, Json, """{"firstName":42}""", HttpStatusCode.BadRequest, "firstName");
            data.Add(method, Json, """{"firstName":"Ana","firstName":"Bia"}""", HttpStatusCode.BadRequest, "$");
            data.Add(method, "application/json; charset=iso-8859-1", """{"firstName":"Ana"}""", HttpStatusCode.UnsupportedMediaType, null);
            data.Add(method, "text/plain", """{"firstName":"Ana"}""", HttpStatusCode.UnsupportedMediaType, null);
            data.Add(method, "application/xml", "<contact/>", HttpStatusCode.UnsupportedMediaType, null);
        }
        data.Add("POST", "application/merge-patch+json", """{"firstName":"Ana"}""", HttpStatusCode.UnsupportedMediaType, null);
        data.Add("PUT", "application/merge-patch+json", """{"firstName":"Ana"}""", HttpStatusCode.UnsupportedMediaType, null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadBodyGetsItsProblemAndChangesNothing(
        string method, string contentType, string body, HttpStatusCode status, string? field)
    {
        var target = await app.SeedAsync();
        var before = await app.AllContactsAsync();
        var url = method == "POST" ? "/api/contacts" : $"/api/contacts/{target.Id}";
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", contentType } } },
        };

        var problem = await Problem.ReadAsync(await _client.SendAsync(request), status);

        if (field is not null) Assert.Equal([field], Problem.Fields(problem));
        Assert.True(problem.GetProperty("detail").GetString()!.Length < 300);
        Assert.Equal(before, await app.AllContactsAsync());
    }

    [Fact]
    public async Task ABodyWithoutContentTypeIs415()
    {
        var before = await app.AllContactsAsync();
        var content = new ByteArrayContent("""{"firstName":"Ana"}"""u8.ToArray());

        await Problem.ReadAsync(await _client.PostAsync("/api/contacts", content), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await app.AllContactsAsync());
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIs413EvenWithoutContentLength()
    {
        var before = await app.AllContactsAsync();
        var json = Encoding.UTF8.GetBytes($$"""{"firstName":"{{new string('a', 1024 * 1024)}}"}""");
        var content = new StreamContent(new MemoryStream(json)) { Headers = { { "Content-Type", Json } } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/contacts") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var problem = await Problem.ReadAsync(await _client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("The request body is larger than 65536 bytes.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.AllContactsAsync());
    }

    [Fact]
    public async Task InvalidFieldsAreAllListedWithTheStoresMessagesUnderCamelCaseNames()
    {
        var response = await _client.PostAsync("/api/contacts",
            JsonBody("""{"firstName":"","phoneNumber":"12","email":"nobody"}"""));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["email", "firstName", "phoneNumber"], Problem.Fields(problem).Order());
        Assert.Equal(["First name is required."], Problem.Errors(problem, "firstName"));
        Assert.Equal(["Email must be a valid address, like name@example.com."], Problem.Errors(problem, "email"));
        Assert.Equal(["Phone number must contain at least 3 digits."], Problem.Errors(problem, "phoneNumber"));
    }

    [Fact]
    public async Task MalformedJsonSaysWhereParsingStoppedWithoutExceptionText()
    {
        var response = await _client.PostAsync("/api/contacts", JsonBody("{\n  \"firstName\": \"Ana\"\n  \"email\": 1 }"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request body is not valid JSON: at line 3, byte 3.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "9223372036854775808", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "9223372036854775808", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "99999999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "9223372036854775808", HttpStatusCode.BadRequest)]
    [InlineData("GET", "abc", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "1.5", HttpStatusCode.BadRequest)]
    [InlineData("GET", "-1", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "-1", HttpStatusCode.NotFound)]
    [InlineData("PUT", "9223372036854775807", HttpStatusCode.NotFound)]
    public async Task AnIdOutOfRangeIsAProblemAndChangesNothing(string method, string id, HttpStatusCode status)
    {
        await app.SeedAsync();
        var before = await app.AllContactsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/contacts/{id}");
        if (method is "PUT" or "PATCH") request.Content = JsonBody("""{"firstName":"Ana"}""");

        var problem = await Problem.ReadAsync(await _client.SendAsync(request), status);

        if (status == HttpStatusCode.BadRequest) Assert.Contains(id, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.AllContactsAsync());
    }
}
