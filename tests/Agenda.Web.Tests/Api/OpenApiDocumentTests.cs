using System.Text.Json;

namespace Agenda.Web.Tests.Api;

/// <summary>The OpenAPI document behind Swagger UI declares every route with its parameters and response codes.</summary>
public class OpenApiDocumentTests(AgendaApiApplication app) : IClassFixture<AgendaApiApplication>
{
    public static TheoryData<string, string, string, string> Operations() => new()
    {
        // path, method, response codes, parameters (sorted, comma-separated)
        { "/api/contacts", "get", "200 400", "favorite,group,pageSize,pageToken,q" },
        { "/api/contacts/groups", "get", "200", "" },
        { "/api/contacts", "post", "201 400 413 415", "" },
        { "/api/contacts/{id}", "get", "200 304 400 404", "id,If-None-Match" },
        { "/api/contacts/{id}", "put", "200 400 404 412 413 415", "id,If-Match" },
        { "/api/contacts/{id}", "patch", "200 400 404 412 413 415", "id,If-Match" },
        { "/api/contacts/{id}", "delete", "204 400 404 412", "id,If-Match" },
        { "/api/contacts/export", "get", "200 400", "favorite,format,group,q" },
        { "/api/contacts/import", "post", "200 400 413 415", "dryRun" },
        { "/api/contacts/changes", "get", "200 503", "" },
        { "/api/naming", "get", "200 503", "" },
        { "/api/wire", "get", "200", "" },
        { "/api/wire/start", "post", "200", "" },
        { "/api/wire/stop", "post", "200", "" },
        { "/api/wire/clear", "post", "200", "" },
        { "/api/wire/conversations", "get", "200 400", "limit,listener,method,object" },
        { "/api/wire/conversations/{id}", "get", "200 400 404", "id,limit,offset" },
        { "/api/wire/diagnoses", "get", "200", "" },
        { "/api/wire/capture.pcapng", "get", "200 400 404", "conversation" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task EveryOperationDeclaresItsResponseCodesAndParameters(string path, string method, string codes, string parameters)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(codes, string.Join(' ', operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order()));
        var names = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.OrdinalIgnoreCase).ToArray()
            : [];
        Assert.Equal(parameters, string.Join(',', names));
        if (parameters != "")
            Assert.All(list.EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task TheDocumentHasExactlyTheApiRoutes()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).Order();

        Assert.Equal(["/api/contacts", "/api/contacts/{id}", "/api/contacts/changes", "/api/contacts/export", "/api/contacts/groups", "/api/contacts/import", "/api/naming", "/api/wire", "/api/wire/capture.pcapng", "/api/wire/clear", "/api/wire/conversations",
            "/api/wire/conversations/{id}", "/api/wire/diagnoses", "/api/wire/start", "/api/wire/stop"], paths);
    }

    [Theory]
    [InlineData("post", "application/json")]
    [InlineData("put", "application/json")]
    [InlineData("patch", "application/merge-patch+json")]
    [InlineData("patch", "application/json")]
    public async Task WritesDeclareTheirBodyWithAnExample(string method, string mediaType)
    {
        var path = method == "post" ? "/api/contacts" : "/api/contacts/{id}";
        var body = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty(mediaType);

        Assert.True(body.GetProperty("example").TryGetProperty(method == "patch" ? "phones" : "firstName", out _));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("example").GetProperty("phones").ValueKind);
        Assert.True(body.TryGetProperty("schema", out _));
    }

    [Fact]
    public async Task ProblemResponsesAreProblemJsonWithExamples()
    {
        var notFound = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/contacts/{id}").GetProperty("get")
            .GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/problem+json");

        Assert.Equal(404, notFound.GetProperty("example").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WireOperationsDescribeTheirOwnParametersAndProblems()
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/wire/conversations/{id}").GetProperty("get");

        var id = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "id");
        Assert.Contains("conversation", id.GetProperty("description").GetString());
        var notFound = get.GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/problem+json");
        Assert.Contains("captured conversation", notFound.GetProperty("example").GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/vcard", "BEGIN:VCARD")]
    [InlineData("text/x-vcard", "BEGIN:VCARD")]
    [InlineData("text/directory", "BEGIN:VCARD")]
    [InlineData("text/csv", "First Name,")]
    public async Task TheImportDeclaresEachFileTypeItTakesWithAnExampleFile(string mediaType, string start)
    {
        var import = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/contacts/import").GetProperty("post");

        var body = import.GetProperty("requestBody").GetProperty("content").GetProperty(mediaType);
        Assert.StartsWith(start, body.GetProperty("example").GetString());
        var report = import.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(["dryRun", "imported", "updated", "unchanged", "skipped", "contactIds"], report.EnumerateObject().Select(p => p.Name));
        var tooLarge = import.GetProperty("responses").GetProperty("413").GetProperty("content").GetProperty("application/problem+json");
        Assert.Contains("Api:MaxImportBytes", tooLarge.GetProperty("example").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheExportProducesVCardAndCsvFilesWithTheirFileName()
    {
        var ok = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/contacts/export").GetProperty("get")
            .GetProperty("responses").GetProperty("200");

        Assert.Equal(["text/vcard", "text/csv"], ok.GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("BEGIN:VCARD", ok.GetProperty("content").GetProperty("text/vcard").GetProperty("example").GetString());
        Assert.Contains("agenda-", ok.GetProperty("headers").GetProperty("Content-Disposition").GetProperty("example").GetString());
    }

    [Fact]
    public async Task TheChangeStreamIsAnEventStreamOfContactChangesWithItsOwn503()
    {
        var responses = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/contacts/changes").GetProperty("get").GetProperty("responses");

        var events = responses.GetProperty("200").GetProperty("content").GetProperty("text/event-stream");
        Assert.Equal("#/components/schemas/ContactChangeDto", events.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("updated", events.GetProperty("example").GetProperty("kind").GetString());
        Assert.Contains("event: resync", responses.GetProperty("200").GetProperty("description").GetString());
        var full = responses.GetProperty("503").GetProperty("content").GetProperty("application/problem+json");
        Assert.Contains("Api:MaxChangeStreams", full.GetProperty("example").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheContactSchemaShowsTheWholeCardWithItsViewsReadOnly()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var contact = schemas.GetProperty("ContactDto").GetProperty("properties");

        Assert.Equal("#/components/schemas/ContactPhoneDto", contact.GetProperty("phones").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(["label", "number", "primary"], schemas.GetProperty("ContactPhoneDto").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["label", "street", "city", "region", "postalCode", "country"],
            schemas.GetProperty("ContactAddressDto").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Contains("--05-17", contact.GetProperty("birthday").GetProperty("description").GetString());
        foreach (var view in new[] { "id", "phoneNumber", "email", "vCardExtras", "version" })
            Assert.True(contact.GetProperty(view).GetProperty("readOnly").GetBoolean(), view);
        Assert.StartsWith("Read-only view: the primary phone's number", contact.GetProperty("phoneNumber").GetProperty("description").GetString());
        var body = schemas.GetProperty("ContactBody").GetProperty("properties");
        Assert.False(body.TryGetProperty("vCardExtras", out _));
        Assert.Contains("Not with phones", body.GetProperty("phoneNumber").GetProperty("description").GetString());
    }

    [Fact]
    public async Task SwaggerUiIsServedAtSwagger()
    {
        var html = await app.CreateClient().GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", html);
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
}
