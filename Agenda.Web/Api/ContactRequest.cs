using System.Text.Json;
using System.Text.Json.Nodes;
using Agenda.Core.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agenda.Web.Api;

/// <summary>
/// A contact body as sent: the writable fields present in the JSON object, each a string or null. Reading keeps
/// "absent" apart from "null", which JSON Merge Patch (RFC 7396) needs and a typed record would lose.
/// </summary>
internal sealed class ContactRequest(IReadOnlyDictionary<string, string?> present)
{
    public static readonly string[] FieldNames = ["firstName", "secondName", "phoneNumber", "email"];

    public const string Json = "application/json";
    public const string MergePatchJson = "application/merge-patch+json";

    /// <summary>Exactly one of the three is set: the request, a 400 problem, or a 413/415 problem.</summary>
    public sealed record Outcome(ContactRequest? Request, ValidationProblem? Invalid, ProblemHttpResult? Refused);

    /// <summary>POST and PUT: a full replacement, where an absent field means empty.</summary>
    public ContactInput AsReplacement() =>
        new(Get("firstName"), Get("secondName"), Get("phoneNumber"), Get("email"));

    /// <summary>PATCH (RFC 7396): a present field replaces the stored one, null clears it, absent keeps it.</summary>
    public ContactInput MergeInto(Contact current) => new(
        Merge("firstName", current.FirstName), Merge("secondName", current.SecondName),
        Merge("phoneNumber", current.PhoneNumber), Merge("email", current.Email));

    public static async Task<Outcome> ReadAsync(HttpRequest request, ApiOptions options, string[] mediaTypes, CancellationToken ct)
    {
        var (body, invalid, refused) = await JsonRequestBody.ReadObjectAsync(request, options.MaxRequestBodyBytes, mediaTypes, ct);
        if (body is null) return new(null, invalid, refused);

        var present = new Dictionary<string, string?>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in body)
        {
            if (!FieldNames.Contains(name))
                errors[name] = [$"Unknown field '{name}'; the writable fields are {string.Join(", ", FieldNames)}."];
            else if (value is null)
                present[name] = null;
            else if (value.GetValueKind() == JsonValueKind.String)
                present[name] = value.GetValue<string>();
            else
                errors[name] = [$"{name} must be a string or null, not {value.GetValueKind().ToString().ToLowerInvariant()}."];
        }
        return errors.Count > 0
            ? new(null, TypedResults.ValidationProblem(errors, "The request body has fields the API does not accept."), null)
            : new(new ContactRequest(present), null, null);
    }

    private string? Get(string field) => present.GetValueOrDefault(field);

    private string Merge(string field, string current) =>
        present.TryGetValue(field, out var value) ? value ?? "" : current;
}
