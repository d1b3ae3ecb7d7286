using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Api;

/// <summary>
/// What <c>GET /api/contacts/changes</c> sends: the event stream's shape in the 200 response's description, one event's
/// data as its example, and the 503 of a full house. Runs after <see cref="ApiExamples"/>, whose 503 is the name server's.
/// </summary>
internal sealed class ContactChangesApiExamples : IOperationFilter
{
    private const string Stream =
        "A stream of Server-Sent Events, one per change; each event's data is a ContactChangeDto:\n\n" +
        "    event: resync\n    data: {\"kind\":\"resync\",\"id\":null,\"version\":null,\"door\":null,\"who\":null,\"contact\":null}\n\n" +
        "    event: created\n    data: {\"kind\":\"created\",\"id\":7,\"version\":1,\"door\":\"rmi\",\"who\":\"127.0.0.1:50422\",\"contact\":{\"id\":7,...}}\n\n" +
        "    event: deleted\n    data: {\"kind\":\"deleted\",\"id\":3,\"version\":2,\"door\":\"rest\",\"who\":\"token ci-sync (ana)\",\"contact\":null}";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath != "api/contacts/changes") return;
        foreach (var (status, _, response) in OpenApiOperations.ExampleResponses(operation, context, (s, _) => Example(s)))
            if (status == 200 && response is OpenApiResponse ok) ok.Description = Stream;
    }

    private static JsonNode? Example(int status) => status switch
    {
        200 => new JsonObject
        {
            ["kind"] = "updated", ["id"] = 0, ["version"] = 2, ["door"] = "ui", ["who"] = "ana", ["contact"] = ContactExamples.Contact(0, 2),
        },
        503 => new JsonObject
        {
            ["title"] = "Service Unavailable", ["status"] = 503,
            ["detail"] = $"{new ApiOptions().MaxChangeStreams} change streams are open, as many as Api:MaxChangeStreams allows; try again later.",
        },
        _ => null,
    };
}
