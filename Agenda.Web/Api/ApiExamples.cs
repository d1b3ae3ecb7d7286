using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Api;

/// <summary>
/// Puts examples on every request and response body of the OpenAPI document, and declares the ETag and
/// Location headers, so Swagger UI's "Try it out" starts from a body the API accepts.
/// </summary>
internal sealed class ApiExamples : IOperationFilter
{
    private static readonly Dictionary<Type, Func<JsonNode>> ResponseExamples = new()
    {
        [typeof(ContactDto)] = () => ContactExamples.Contact(),
        [typeof(ContactListDto)] = () => new JsonObject
        {
            ["items"] = new JsonArray(ContactExamples.Contact(0), ContactExamples.Contact(1, 3)), ["nextPageToken"] = PageToken.Encode(1), ["total"] = 120,
        },
        [typeof(ContactGroupListDto)] = () => new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["name"] = "Book club", ["count"] = 4 }, new JsonObject { ["name"] = "Family", ["count"] = 12 }),
        },
        [typeof(NameRegistrationListDto)] = () => new JsonObject
        {
            ["items"] = new JsonArray(
                Registration("Pyro.NameServer", "PYRO:Pyro.NameServer@127.0.0.1:9090", "class:Pyro4.naming.NameServer"),
                Registration("KLEIN_ROCHA", "PYRO:obj_4c1f0b@127.0.0.1:40123")),
        },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod;
        foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            if (media is OpenApiMediaType body) body.Example = method == "PATCH" ? ContactExamples.Patch() : ContactExamples.Body();

        OpenApiOperations.DescribeParameters(operation, ParameterDescriptions);
        foreach (var (status, type, response) in OpenApiOperations.ExampleResponses(operation, context, ExampleFor))
            if (response is OpenApiResponse r && (type == typeof(ContactDto) || status == 304))
                AddHeaders(r, status);
    }

    private static JsonNode? ExampleFor(int status, Type? type) => status switch
    {
        < 300 when type is not null && ResponseExamples.TryGetValue(type, out var example) => example(),
        400 => new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["title"] = "One or more validation errors occurred.",
            ["status"] = 400, ["detail"] = "The contact has invalid fields; nothing was changed.",
            ["errors"] = new JsonObject
            {
                ["phones[1].number"] = new JsonArray("Phone number may contain only digits, spaces and + - ( ) ."),
                ["birthday"] = new JsonArray("birthday must be a date like 1990-05-17 or --05-17, or null."),
            },
        },
        _ when Problems.TryGetValue(status, out var p) => new JsonObject { ["title"] = p.Title, ["status"] = status, ["detail"] = p.Detail },
        _ => null,
    };

    private static readonly Dictionary<int, (string Title, string Detail)> Problems = new()
    {
        [404] = ("Not Found", "There is no contact with id 42."),
        [412] = ("Precondition Failed", "Contact 0 is at version 3 (ETag \"3\"), which If-Match does not name; nothing was changed. GET it again and retry with the new ETag."),
        [413] = ("Content Too Large", "The request body is larger than 65536 bytes."),
        [415] = ("Unsupported Media Type", "Send the body as application/json (UTF-8); got 'text/plain'."),
        [503] = ("Service Unavailable", "The Pyro name server is not running in this process, so there are no registrations to show."),
    };

    private static readonly Dictionary<string, string> ParameterDescriptions = new()
    {
        ["q"] = "Search text: matches every text field (names, organization, emails, addresses, notes, groups...) case-insensitively, and the digits of every phone number.",
        ["group"] = "Only contacts in this group (any case), e.g. Family; GET /api/contacts/groups lists them.",
        ["favorite"] = "true: only favourites; false: only the others; absent: both.",
        ["pageSize"] = $"Contacts per page, 1-{ContactsApi.MaxPageSize}; default {ContactsApi.DefaultPageSize}.",
        ["pageToken"] = "The nextPageToken of the previous page; omit it for the first page.",
        ["id"] = "The contact's id (0 or more).",
        ["If-Match"] = "Write only if the contact is still at this ETag, e.g. \"3\" (or *); otherwise 412 and nothing changes.",
        ["If-None-Match"] = "An ETag you already have, e.g. \"3\"; when it is still current the answer is 304 without a body.",
    };

    private static void AddHeaders(OpenApiResponse response, int status)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["ETag"] = new OpenApiHeader
        {
            Description = "The contact's version as a strong entity tag; send it back in If-Match or If-None-Match.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = "\"1\"",
        };
        if (status == 201)
            response.Headers["Location"] = new OpenApiHeader
            {
                Description = "The new contact's URL.", Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = "/api/contacts/0",
            };
    }

    private static JsonObject Registration(string name, string uri, params string[] metadata) =>
        new() { ["name"] = name, ["uri"] = uri, ["metadata"] = new JsonArray([.. metadata.Select(m => JsonValue.Create(m))]) };
}
