using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Api;

/// <summary>What every example filter does to an operation: describe its parameters, put an example on each response.</summary>
internal static class OpenApiOperations
{
    public static void DescribeParameters(OpenApiOperation operation, IReadOnlyDictionary<string, string> descriptions)
    {
        foreach (var parameter in operation.Parameters ?? [])
            if (parameter is OpenApiParameter p && p.Name is not null && descriptions.TryGetValue(p.Name, out var text))
                p.Description = text;
    }

    /// <summary>Sets each response's example from <paramref name="example"/> (status, declared type); returns them for more.</summary>
    public static List<(int Status, Type? Type, IOpenApiResponse Response)> ExampleResponses(
        OpenApiOperation operation, OperationFilterContext context, Func<int, Type?, JsonNode?> example)
    {
        var responses = new List<(int, Type?, IOpenApiResponse)>();
        foreach (var (code, response) in operation.Responses ?? [])
        {
            var status = int.Parse(code);
            var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(t => t.StatusCode == status)?.Type;
            foreach (var media in response.Content?.Values ?? [])
                if (media is OpenApiMediaType m) m.Example = example(status, type);
            responses.Add((status, type, response));
        }
        return responses;
    }
}
