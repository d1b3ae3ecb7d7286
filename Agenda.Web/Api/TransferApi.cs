using System.Globalization;
using System.Text;
using Agenda.Core.Storage;
using Agenda.Core.Transfer;
using Agenda.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Api;

/// <summary>
/// GET /api/contacts/export and POST /api/contacts/import: the whole book (or a filtered part) as a vCard or Google CSV
/// file, and such a file brought in through the store's one-transaction import (<see cref="ContactImporter"/>).
/// </summary>
internal static class TransferApi
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly string FormatNames = string.Join(", ", ContactFileFormats.All.Select(f => f.Name));

    public static void MapContactTransfer(this RouteGroupBuilder group)
    {
        group.MapGet("/export", Export).WithName("ExportContacts")
            .WithSummary("Download the contacts as a vCard or Google Contacts CSV file")
            .WithDescription($"format is one of {FormatNames} (default vcard): vCard 4.0, vCard 3.0 (what many phones import " +
                             "best) or Google Contacts CSV. q, group and favorite filter as on the list. The file is written " +
                             "as the contacts are read, in id order, so a large book starts downloading at once.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/vcard", "text/csv");
        group.MapPost("/import", ImportAsync).WithName("ImportContacts")
            .WithSummary("Bring in a vCard (2.1, 3.0, 4.0) or Google Contacts CSV file")
            .WithDescription("Each card is checked alone: one that cannot be read or is not a valid contact is skipped with its " +
                             "index, line and reason, and the others are stored together in one transaction. A card whose UID " +
                             "matches a contact replaces that contact's card instead of adding a new one. With dryRun=true " +
                             "the report says what would happen and nothing is stored. The file's size limit is Api:MaxImportBytes.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static Results<PushStreamHttpResult, ValidationProblem> Export(
        string? format, string? q, string? group, bool? favorite, HttpContext http, ContactImporter importer, TimeProvider clock)
    {
        if (ContactFileFormats.Find(format ?? ContactFileFormats.VCard.Name) is not { } chosen)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"format must be one of {FormatNames}; got '{format}'."],
            }, "The query parameters are invalid.");

        var fileName = $"agenda-{clock.GetLocalNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{chosen.FileExtension}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var filter = new ContactFilter(q, group, favorite);
        return TypedResults.Stream(async body =>
        {
            await using var text = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
            await importer.ExportAsync(chosen, filter, text, http.RequestAborted);
        }, $"{chosen.MediaType}; charset=utf-8");
    }

    private static async Task<Results<Ok<ImportReportDto>, ProblemHttpResult>> ImportAsync(
        bool? dryRun, HttpRequest request, ContactImporter importer, IOptions<ApiOptions> options, CancellationToken ct)
    {
        if (ContactFileFormats.FindByMediaType(request.ContentType) is not { } format)
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                $"Send the file as {string.Join(", ", ContactFileFormats.ImportMediaTypes)}; got '{request.ContentType ?? "no content type"}'.");

        var limit = options.Value.MaxImportBytes;
        var file = await LimitedRequestBody.ReadAsync(request, limit, ct);
        if (file is null)
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Content Too Large",
                $"The file is larger than {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most an import takes (Api:MaxImportBytes); " +
                "nothing was imported. Split it, or raise the setting.");
        if (file.Length == 0)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Bad Request",
                "The request body is empty; send the contents of a .vcf or .csv file.");

        var report = await importer.ImportAsync(format, file, dryRun ?? false, RestWriteOrigin.Of(request.HttpContext.User), ct);
        return TypedResults.Ok(ImportReportDto.From(report));
    }
}
