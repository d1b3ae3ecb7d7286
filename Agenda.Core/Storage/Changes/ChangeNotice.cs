using System.Text.Json;
using System.Text.Json.Serialization;
using Agenda.Core.Contacts;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// What one instance tells the others about a write, as a PostgreSQL notification on <see cref="Channel"/>:
/// <code>
/// payload   JSON; PostgreSQL takes at most 8,000 bytes, and ours stay under 7,500 (ids 6,000, who 200 characters)
///   {"from":"agenda-1.3f9a0c11","kind":"Updated","ids":"42","version":3,"door":"Rmi","who":"127.0.0.1:50422"}
/// from      the writer's AgendaInstance.Id: an instance skips its own notices
/// kind      Created | Updated | Deleted
/// ids       the contacts, as ascending ranges (ContactIdRanges): "42", "0-9999,10005"
/// version   the version written (a delete: the last one) when ids names one contact; absent for a batch, whose
///           receivers read each contact, and with it its version
/// door      Rmi | Rest | Ui
/// who       WriteOrigin.Who, cut to MaxWhoLength characters; absent when the door does not know
/// </code>
/// The contacts themselves are not sent: they may not fit, and the receiver reads them from the database anyway.
/// </summary>
internal sealed record ChangeNotice(string From, ChangeKind Kind, string Ids, long? Version, Door Door, string? Who)
{
    public const string Channel = "agenda_contacts";

    public const int MaxWhoLength = 200;

    /// <summary>Ids per notice: an import of 10,000 new contacts is one notice, of 10,000 scattered updates a few.</summary>
    public const int MaxIds = 10_000;

    /// <summary>Characters of <see cref="Ids"/> per notice: with the other fields (all short) well under 8,000 bytes.</summary>
    public const int MaxIdsText = 6_000;

    public string ToPayload() => JsonSerializer.Serialize(this, ChangeNoticeJson.Default.ChangeNotice);

    /// <summary>The notice in <paramref name="payload"/>, or null when it is not one (then nobody knows what changed).</summary>
    public static ChangeNotice? TryRead(string payload)
    {
        try
        {
            var notice = JsonSerializer.Deserialize(payload, ChangeNoticeJson.Default.ChangeNotice);
            return notice is { From.Length: > 0 } && Enum.IsDefined(notice.Kind) && notice.Kind != ChangeKind.Resync
                && Enum.IsDefined(notice.Door) && ContactIdRanges.TryParse(notice.Ids, out _) ? notice : null;
        }
        catch (JsonException) { return null; }
    }

    [JsonIgnore]
    public IReadOnlyList<ContactIdRanges.Range> Ranges =>
        ContactIdRanges.TryParse(Ids, out var ranges) ? ranges : throw new InvalidOperationException($"Not id ranges: {Ids}");

    public static string? ShortWho(string? who) => who is not { Length: > MaxWhoLength } ? who
        : who[..(char.IsHighSurrogate(who[MaxWhoLength - 1]) ? MaxWhoLength - 1 : MaxWhoLength)]; // never half a character
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ChangeNotice))]
internal sealed partial class ChangeNoticeJson : JsonSerializerContext;
