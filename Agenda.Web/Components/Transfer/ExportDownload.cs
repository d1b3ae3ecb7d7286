using System.Text;
using Agenda.Core.Storage;
using Agenda.Core.Transfer;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Agenda.Web.Components.Transfer;

/// <summary>
/// The contacts page's Export links: <c>GET /ui/export?format=vcard|vcard3|csv</c> with the page's filters
/// (<c>q</c>, <c>group</c>, <c>favorite=true</c>) streams those contacts as a file download. It is the browser's route,
/// beside the page that links to it: it signs in with the page's cookie and needs only what the page needs (read),
/// and stays out of Swagger; programs use the REST API.
/// </summary>
public static class ExportDownload
{
    public const string Path = "/ui/export";

    /// <summary>The link for <paramref name="format"/> and the contacts <paramref name="filter"/> shows.</summary>
    public static string Href(ContactFileFormat format, ContactFilter filter)
    {
        var query = new Dictionary<string, string?> { ["format"] = format.Name };
        if (!string.IsNullOrWhiteSpace(filter.Search)) query["q"] = filter.Search.Trim();
        if (filter.Group is not null) query["group"] = filter.Group;
        if (filter.Favorite == true) query["favorite"] = "true";
        return QueryHelpers.AddQueryString(Path.TrimStart('/'), query); // relative to <base href>
    }

    public static RouteHandlerBuilder MapExportDownload(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, DownloadAsync).ExcludeFromDescription();

    private static async Task DownloadAsync(HttpContext http, ContactImporter importer, string? format, string? q, string? group, string? favorite)
    {
        if (ContactFileFormats.Find(format ?? ContactFileFormats.VCard.Name) is not { } chosen)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"Unknown export format '{format}'; use vcard, vcard3 or csv.", http.RequestAborted);
            return;
        }
        var filter = new ContactFilter(q, string.IsNullOrWhiteSpace(group) ? null : group, favorite == "true" ? true : null);
        http.Response.ContentType = $"{chosen.MediaType}; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName(chosen, filter)); // filename= for old clients, filename*= for accents
        http.Response.Headers.ContentDisposition = disposition.ToString();
        // Written as read from the store: a book of 100,000 contacts is never held in memory.
        await using var output = new StreamWriter(http.Response.Body, new UTF8Encoding(false), bufferSize: 32 * 1024, leaveOpen: true);
        await importer.ExportAsync(chosen, filter, output, http.RequestAborted);
    }

    // "agenda-contacts.vcf", "agenda-Family-vcard3.vcf": what was exported, readable in a downloads folder.
    private static string FileName(ContactFileFormat format, ContactFilter filter)
    {
        var group = filter.Group is null ? "contacts" : string.Concat(filter.Group.Select(c => System.IO.Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var version = format == ContactFileFormats.VCard3 ? "-vcard3" : "";
        return $"agenda-{group}{version}{format.FileExtension}";
    }
}
