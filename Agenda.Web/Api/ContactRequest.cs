using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agenda.Core.Contacts;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Api;

/// <summary>
/// A contact body as sent: the changes its fields make to a card (<see cref="ContactJsonFields"/>), built from the keys
/// present in the JSON object, so "absent" stays apart from "null" as JSON Merge Patch (RFC 7396) needs and a typed record
/// would not. A handler takes it as a parameter; binding never fails, so a refused body binds as a request carrying its
/// <see cref="Refusal"/>, which <see cref="ContactProblemFilter"/> answers before the handler runs.
/// </summary>
internal sealed class ContactRequest
{
    public const string Json = "application/json";
    public const string MergePatchJson = "application/merge-patch+json";

    private static readonly string WritableList = string.Join(", ", ContactJsonFields.Writable.Keys);

    private readonly IReadOnlyList<Func<ContactCard, ContactCard>> _changes;
    private readonly bool _setsPhoneNumber, _setsEmail;

    private ContactRequest(IReadOnlyList<Func<ContactCard, ContactCard>> changes, IReadOnlyCollection<string> names, IResult? refusal)
    {
        (_changes, Refusal) = (changes, refusal);
        (_setsPhoneNumber, _setsEmail) = (names.Contains(ContactJsonFields.PhoneNumber), names.Contains(ContactJsonFields.Email));
    }

    /// <summary>The problem to answer instead of running the handler (415, 413 or 400); null when the body was read.</summary>
    public IResult? Refusal { get; }

    /// <summary>POST: the card the body describes, where an absent field is empty.</summary>
    public ContactCard AsNewCard() => Apply(new ContactCard());

    /// <summary>
    /// PUT: the whole card replaced by the one the body describes, applied to the stored card under the store's write
    /// lock because two things come from it: its UID when the body has none, and its vCardExtras, which JSON cannot write.
    /// </summary>
    public ContactPatch AsReplacement() => new()
    {
        Edit = stored =>
        {
            var card = AsNewCard();
            return card with { Uid = card.Uid.Length == 0 ? stored.Uid : card.Uid, VCardExtras = stored.VCardExtras };
        },
    };

    /// <summary>PATCH (RFC 7396): a present field replaces the stored one, null clears it, absent keeps it; a list is replaced whole.</summary>
    public ContactPatch AsPatch() => new() { Edit = Apply };

    /// <summary>
    /// A store path as this body spells it: <c>Phones[1].Number</c> is <c>phones[1].number</c>, but a client that set the
    /// primary phone with <c>phoneNumber</c> reads its number's errors under <c>phoneNumber</c> (and likewise <c>email</c>).
    /// </summary>
    public string FieldName(string storePath) => storePath switch
    {
        _ when _setsPhoneNumber && IsEntryField(storePath, nameof(ContactCard.Phones), nameof(ContactPhone.Number)) => ContactJsonFields.PhoneNumber,
        _ when _setsEmail && IsEntryField(storePath, nameof(ContactCard.Emails), nameof(ContactEmail.Address)) => ContactJsonFields.Email,
        _ => ContactFieldPath.Respell(storePath, JsonNamingPolicy.CamelCase.ConvertName),
    };

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
        var json = new ContactJsonReader();
        var changes = new List<Func<ContactCard, ContactCard>>();
        foreach (var (name, value) in body)
        {
            if (ContactJsonFields.Writable.TryGetValue(name, out var read)) changes.Add(read(json, value));
            else if (ContactJsonFields.ReadOnly.Contains(name)) json.Refuse(name, $"{name} is read-only; the writable fields are {WritableList}.");
            else json.Refuse(name, $"Unknown field '{name}'; the writable fields are {WritableList}.");
        }
        Ambiguous(json, body, ContactJsonFields.PhoneNumber, ContactJsonFields.Phones, "phone's number");
        Ambiguous(json, body, ContactJsonFields.Email, ContactJsonFields.Emails, "email's address");
        return json.Errors.Count > 0
            ? Refused(TypedResults.ValidationProblem(json.Errors, "The request body has fields the API cannot take; nothing was changed."))
            : new ContactRequest(changes, [.. body.Select(f => f.Key)], null);
    }

    private static void Ambiguous(ContactJsonReader json, JsonObject body, string single, string list, string what)
    {
        if (body.ContainsKey(single) && body.ContainsKey(list))
            json.Refuse(single, $"Send {single} or {list}, not both: {single} is the primary {what}, which {list} already says.");
    }

    private static ContactRequest Refused(IResult problem) => new([], [], problem);

    // A refused request reaching a handler means the endpoint lacks the filter; failing loudly beats writing an empty contact.
    private ContactCard Apply(ContactCard card) => Refusal is null
        ? _changes.Aggregate(card, (changed, change) => change(changed))
        : throw new InvalidOperationException($"A refused request body reached a handler; add {nameof(ContactProblemFilter)} to the endpoint.");

    private static bool IsEntryField(string path, string list, string field) =>
        path.StartsWith(list + "[", StringComparison.Ordinal) && path.EndsWith("]." + field, StringComparison.Ordinal);
}
