using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agenda.Web.Health;

/// <summary>
/// The body of <c>/healthz</c>. Plain text is the overall status alone (<c>Healthy</c>), as ASP.NET Core writes it and
/// scripts compare it; a client that accepts JSON gets each check's status and reason:
/// <code>
/// {"status":"Degraded","checks":{"store":{"status":"Healthy","description":"contact store answers"},
///                                "changes":{"status":"Degraded","description":"not hearing ... reconnecting"}}}
/// </code>
/// </summary>
internal static class HealthReportWriter
{
    // Reasons are English sentences: keep their apostrophes readable rather than \u0027.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        if (!http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.ContentType = "text/plain";
            return http.Response.WriteAsync(report.Status.ToString());
        }
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsJsonAsync(body, Json);
    }
}
