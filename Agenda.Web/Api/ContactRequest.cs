using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agenda.Core.Contacts;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Api;

/// <summary>
/// A contact body as sent: the writable fields present in the JSON object, each a string or null. Reading keeps
/// "absent" apart from "null", which JSON Merge Patch (RFC 7396) needs and a typed record would lose.
/// A handler takes it as a parameter; binding never fails, so a refused body binds as a request carrying its
/// <see cref="Refusal"/>, which <see cref="ContactProblemFilter"/> answers before the handler runs.
/// </summary>
internal sealed class ContactRequest
{
    public static readonly string[] FieldNames = ["firstName", "secondName", "phoneNumber", "email"];

    public const string Json = "application/json";
    public const string MergePatchJson = "application/merge-patch+json";

    private readonly IReadOnlyDictionary<string, string?> _present;

    private ContactRequest(IReadOnlyDictionary<string, string?> present, IResult? refusal) =>
        (_present, Refusal) = (present, refusal);

    /// <summary>The problem to answer instead of running the handler (415, 413 or 400); null when the body was read.</summary>
    public IResult? Refusal { get; }

    /// <summary>POST and PUT: a full replacement, where an absent field means empty.</summary>
    public ContactCard AsReplacement() =>
        ContactCard.Simple(Present.GetValueOrDefault("firstName"), Present.GetValueOrDefault("secondName"),
            Present.GetValueOrDefault("phoneNumber"), Present.GetValueOrDefault("email"));

    /// <summary>PATCH (RFC 7396): a present field replaces the stored one, null clears it, absent keeps it.</summary>
    public ContactPatch AsPatch() =>
        new(Change("firstName"), Change("secondName"), Change("phoneNumber"), Change("email"));

    /// <summary>
    /// Minimal-API binding: reads the body in one of the media types the endpoint declares with <c>Accepts</c> (the
    /// same list routing and Swagger use), up to <see cref="ApiOptions.MaxRequestBodyBytes"/>.
    /// </summary>
    public static async ValueTask<ContactRequest?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var mediaTypes = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes
            ?? throw new InvalidOperationException($"An endpoint that binds {parameter.Name} must declare its media types with Accepts.");
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        var (body, refusal) = await JsonRequestBody.ReadObjectAsync(http.Request, limit, mediaTypes, http.RequestAborted);
        return body is null ? Refused(refusal!) : FromObject(body);
    }

    private static ContactRequest FromObject(JsonObject body)
    {
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
            ? Refused(TypedResults.ValidationProblem(errors, "The request body has fields the API does not accept."))
            : new ContactRequest(present, null);
    }

    private static ContactRequest Refused(IResult problem) => new(new Dictionary<string, string?>(), problem);

    // A refused request reaching a handler means the endpoint lacks the filter; failing loudly beats writing an empty contact.
    private IReadOnlyDictionary<string, string?> Present => Refusal is null
        ? _present
        : throw new InvalidOperationException($"A refused request body reached a handler; add {nameof(ContactProblemFilter)} to the endpoint.");

    // The store's patch says "clear" with an empty string: null there means "keep".
    private string? Change(string field) => Present.TryGetValue(field, out var value) ? value ?? "" : null;
}
