using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Api;

/// <summary>
/// Describes the contact's JSON properties in the OpenAPI document: what the views and the date format mean, and which
/// properties of an answered contact are read-only (a body that sends them gets 400).
/// </summary>
internal sealed class ContactSchemas : ISchemaFilter
{
    private const string Date = "A date: 1990-05-17, or --05-17 without the year; null when absent.";

    private static readonly Dictionary<string, string> Shared = new()
    {
        ["phones"] = "Labelled phone numbers; exactly one is primary (the first when none is marked). A list is always replaced whole.",
        ["emails"] = "Labelled email addresses; exactly one is primary.",
        ["addresses"] = "Postal addresses; street may hold several lines separated by \\n.",
        ["urls"] = "Web links; one typed without a scheme gets https://.",
        ["birthday"] = Date,
        ["anniversary"] = Date,
        ["groups"] = "Group names (no commas); repeats in any case are dropped.",
        ["uid"] = "The vCard UID, stable across exports and imports. Empty or absent keeps the stored one; a new contact gets one.",
    };

    private static readonly Dictionary<string, string> ReadOnly = new()
    {
        ["id"] = "Assigned by the store from 0; never reused.",
        ["phoneNumber"] = "Read-only view: the primary phone's number (empty without phones), as four-field clients know it.",
        ["email"] = "Read-only view: the primary email's address (empty without emails), as four-field clients know it.",
        ["vCardExtras"] = "Read-only: vCard properties Agenda does not model (PHOTO, IMPP, X-…) as unfolded lines, kept from an " +
                          "import and exported back unchanged. PUT keeps them.",
        ["version"] = "Raised by every change; also the ETag.",
        ["createdAt"] = "UTC.",
        ["updatedAt"] = "UTC.",
    };

    private static readonly Dictionary<string, string> Writable = new()
    {
        ["phoneNumber"] = "Sets the primary phone's number (a new mobile phone when there is none; empty or null removes it). Not with phones.",
        ["email"] = "Sets the primary email's address (a new home email when there is none; empty or null removes it). Not with emails.",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } target) return;
        var isAnswer = context.Type == typeof(ContactDto);
        if (!isAnswer && context.Type != typeof(ContactBody)) return;
        foreach (var (name, property) in properties)
        {
            if (property is not OpenApiSchema described) continue;
            if (isAnswer && ReadOnly.TryGetValue(name, out var answerText)) (described.Description, described.ReadOnly) = (answerText, true);
            else if (!isAnswer && Writable.TryGetValue(name, out var bodyText)) described.Description = bodyText;
            else if (Shared.TryGetValue(name, out var text)) described.Description = text;
        }
        target.Description = isAnswer
            ? "A contact: the whole card, the primary phone and email as read-only views, and the store's id, UID and version."
            : "The writable fields of a contact. POST and PUT: absent is empty. PATCH: absent keeps, null clears, lists are replaced whole.";
    }
}
