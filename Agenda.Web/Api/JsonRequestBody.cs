using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Agenda.Web.Api;

/// <summary>
/// Reads a JSON object body by hand instead of through minimal-API JSON binding, so every refusal is a problem in the
/// caller's terms: 415 for the wrong content type, 413 over the size limit (checked while reading, so a chunked body
/// cannot sneak past), 400 for malformed JSON with the line and byte where parsing stopped — never exception text.
/// </summary>
internal static class JsonRequestBody
{
    // Duplicate names are refused: "which one wins" is exactly the ambiguity a merge patch must not have.
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>The body as a JSON object, or (Body null) the problem to answer with: 415, 413 or 400.</summary>
    public static async Task<(JsonObject? Body, IResult? Refusal)> ReadObjectAsync(
        HttpRequest request, int limit, IReadOnlyList<string> mediaTypes, CancellationToken ct)
    {
        if (!IsAccepted(request.ContentType, mediaTypes))
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                $"Send the body as {string.Join(" or ", mediaTypes)} (UTF-8); got '{request.ContentType ?? "no content type"}'."));

        var bytes = await LimitedRequestBody.ReadAsync(request, limit, ct);
        if (bytes is null)
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Content Too Large",
                $"The request body is larger than {limit} bytes."));

        JsonNode? node;
        try { node = JsonNode.Parse(bytes, documentOptions: Parsing); }
        catch (JsonException e)
        {
            var where = bytes.Length == 0 ? "the body is empty" : $"at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}";
            return (null, Invalid($"The request body is not valid JSON: {where}."));
        }
        return node is JsonObject body ? (body, null) : (null, Invalid("The request body must be a JSON object."));
    }

    private static bool IsAccepted(string? contentType, IReadOnlyList<string> mediaTypes) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && mediaTypes.Any(m => parsed.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase))
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    // "$" names the whole body, as ASP.NET Core MVC does for JSON input errors.
    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [message] }, message);
}
