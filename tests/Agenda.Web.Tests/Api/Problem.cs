using System.Net;
using System.Text.Json;

namespace Agenda.Web.Tests.Api;

/// <summary>Reads an RFC 9457 problem response and checks what every problem must have.</summary>
public static class Problem
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        // Nothing from inside the server reaches the caller.
        foreach (var leak in new[] { "   at ", "Exception", "SQLite", "Microsoft.", "System." })
            Assert.DoesNotContain(leak, text);
        return problem;
    }

    /// <summary>The messages a 400 validation problem lists for one field.</summary>
    public static string[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    public static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
