using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Api;

/// <summary>
/// Parameter descriptions and examples for the /api/wire operations. Runs after <see cref="ApiExamples"/>, whose
/// contact wording (an "id" is a contact's, a 404 names a contact) would be wrong here.
/// </summary>
internal sealed class WireApiExamples : IOperationFilter
{
    private static readonly Dictionary<string, string> ParameterDescriptions = new()
    {
        ["id"] = "The conversation's id, as GET /api/wire/conversations lists it.",
        ["listener"] = "Only conversations with this listener: \"name server\" or \"objects\".",
        ["object"] = "Only conversations that called an object whose id contains this text (case-insensitive), e.g. KLEIN_ROCHA.",
        ["method"] = "Only conversations that called a method whose name contains this text (case-insensitive), e.g. inserir.",
        ["conversation"] = "Only this conversation (its id); without it, everything captured.",
        ["offset"] = "How many kept messages to skip from the start of the conversation; default 0.",
        ["limit"] = $"At most this many items, 1-{WireApi.MaxLimit}; default {WireApi.DefaultLimit}.",
    };

    private static JsonObject Conversation() => new()
    {
        ["id"] = 3, ["listener"] = "objects", ["client"] = "127.0.0.1:50412", ["server"] = "127.0.0.1:9095",
        ["openedAt"] = "2026-11-30T10:00:00+00:00", ["closedAt"] = null, ["closedBy"] = null, ["closeReason"] = null,
        ["calls"] = new JsonArray("KLEIN_ROCHA.inserir", "KLEIN_ROCHA.buscar"), ["messageCount"] = 6, ["open"] = true, ["diagnosis"] = null,
    };

    private static readonly Dictionary<Type, Func<JsonNode>> ResponseExamples = new()
    {
        [typeof(WireStatusDto)] = () => new JsonObject
        {
            ["recording"] = true, ["conversations"] = 2, ["messages"] = 14, ["heldBytes"] = 5_024, ["diagnoses"] = 1,
            ["bounds"] = new JsonObject { ["maxMessages"] = 10_000, ["maxBytes"] = 67_108_864, ["maxMessageBytes"] = 65_536, ["maxDiagnoses"] = 1_000 },
        },
        [typeof(WireConversationListDto)] = () => new JsonObject { ["items"] = new JsonArray(Conversation()) },
        [typeof(WireDiagnosisListDto)] = () => new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["time"] = "2026-11-30T10:00:02+00:00", ["conversationId"] = 4, ["listener"] = "objects", ["client"] = "127.0.0.1:50420",
                ["problem"] = "Serializer", ["text"] = "client sent pickle (4); set PYRO_SERIALIZER=serpent or json",
            }),
        },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith("api/wire", StringComparison.Ordinal) != true) return;

        OpenApiOperations.DescribeParameters(operation, ParameterDescriptions);
        OpenApiOperations.ExampleResponses(operation, context, ExampleFor);
    }

    private static JsonNode? ExampleFor(int status, Type? type) => status switch
    {
        200 when type is not null && ResponseExamples.TryGetValue(type, out var example) => example(),
        400 => new JsonObject
        {
            ["title"] = "One or more validation errors occurred.", ["status"] = 400, ["detail"] = "The query parameters are invalid.",
            ["errors"] = new JsonObject { ["limit"] = new JsonArray($"limit must be between 1 and {WireApi.MaxLimit}.") },
        },
        404 => new JsonObject
        {
            ["title"] = "Not Found", ["status"] = 404,
            ["detail"] = "There is no captured conversation 42; it may have been cleared or dropped for newer messages.",
        },
        _ => null,
    };
}
