using System.Globalization;
using System.Text.Json.Nodes;
using Agenda.Core.Transfer;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Api;

/// <summary>
/// The import's request body (one entry per media type it takes, each with a small file) and the examples of both
/// transfer operations. Runs after <see cref="ApiExamples"/>, whose contact-body wording does not fit a file.
/// </summary>
internal sealed class TransferApiExamples : IOperationFilter
{
    private const string VCardExample =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\nN:Silva;Ana;;;\r\nFN:Ana Silva\r\n" +
        "TEL;TYPE=cell;PREF=1:+34 698 405 961\r\nEMAIL;TYPE=home:ana@example.com\r\nCATEGORIES:Family\r\nEND:VCARD\r\n";

    private const string CsvExample =
        "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\r\n" +
        "Ana,Silva,* myContacts ::: Family,* Home,ana@example.com,Mobile,+34 698 405 961\r\n";

    private static readonly Dictionary<string, string> ParameterDescriptions = new()
    {
        ["format"] = "vcard (vCard 4.0, the default), vcard3 (vCard 3.0, what many phones import best) or csv (Google Contacts CSV).",
        ["dryRun"] = "true: answer with what the import would do, and store nothing.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        switch (context.ApiDescription.RelativePath)
        {
            case "api/contacts/export":
                OpenApiOperations.DescribeParameters(operation, ParameterDescriptions);
                foreach (var (status, _, response) in OpenApiOperations.ExampleResponses(operation, context, (s, _) => ExportExample(s)))
                    if (status == 200 && response is OpenApiResponse ok) Files(ok);
                break;
            case "api/contacts/import":
                OpenApiOperations.DescribeParameters(operation, ParameterDescriptions);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The file's contents: a .vcf (2.1, 3.0 and 4.0 cards, mixed) or a Google Contacts .csv (UTF-8).",
                    Content = ContactFileFormats.ImportMediaTypes.ToDictionary(m => m, m => Text(m == "text/csv" ? CsvExample : VCardExample)),
                };
                OpenApiOperations.ExampleResponses(operation, context, (s, _) => ImportExample(s));
                break;
        }
    }

    private static void Files(OpenApiResponse response)
    {
        response.Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["text/vcard"] = Text(VCardExample), ["text/csv"] = Text(CsvExample),
        };
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Content-Disposition"] = new OpenApiHeader
        {
            Description = "A file name with today's date and the format's extension (.vcf or .csv).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = "attachment; filename=\"agenda-20261130.vcf\"",
        };
    }

    private static IOpenApiMediaType Text(string example) =>
        new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example) };

    private static JsonNode? ExportExample(int status) => status == 400
        ? new JsonObject
        {
            ["title"] = "One or more validation errors occurred.", ["status"] = 400, ["detail"] = "The query parameters are invalid.",
            ["errors"] = new JsonObject { ["format"] = new JsonArray("format must be one of vcard, vcard3, csv; got 'xml'.") },
        }
        : null;

    private static JsonNode? ImportExample(int status) => status switch
    {
        200 => new JsonObject
        {
            ["dryRun"] = false, ["imported"] = 2, ["updated"] = 1, ["unchanged"] = 0,
            ["skipped"] = new JsonArray(
                new JsonObject { ["index"] = 1, ["line"] = 12, ["reason"] = "line 12: BEGIN:VCARD without END:VCARD before the next card" },
                new JsonObject
                {
                    ["index"] = 3, ["line"] = 30, ["reason"] = "emails[0].address: Email must be a valid address, like name@example.com.",
                    ["errors"] = new JsonObject { ["emails[0].address"] = new JsonArray("Email must be a valid address, like name@example.com.") },
                }),
            ["contactIds"] = new JsonArray(7, 8, 2),
        },
        400 => Problem(400, "Bad Request", "The request body is empty; send the contents of a .vcf or .csv file."),
        413 => Problem(413, "Content Too Large", $"The file is larger than {new ApiOptions().MaxImportBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most an " +
                                                 "import takes (Api:MaxImportBytes); nothing was imported. Split it, or raise the setting."),
        415 => Problem(415, "Unsupported Media Type",
            $"Send the file as {string.Join(", ", ContactFileFormats.ImportMediaTypes)}; got 'application/json'."),
        _ => null,
    };

    private static JsonObject Problem(int status, string title, string detail) =>
        new() { ["title"] = title, ["status"] = status, ["detail"] = detail };
}
