using System.Text.Json;
using System.Text.Json.Serialization;
using Agenda.Core.Contacts;

namespace Agenda.Core.Storage;

/// <summary>
/// How a card is written into <see cref="ContactRow.Details"/>: System.Text.Json with generated code, camelCase,
/// dates as their ISO text, empty values left out. The database keeps this shape, so renaming a card property needs a
/// migration; adding one does not.
/// </summary>
internal static class StoredCardJson
{
    public static string Write(ContactCard card) => JsonSerializer.Serialize(card, StoredCardContext.Default.ContactCard);

    public static ContactCard Read(string json) =>
        JsonSerializer.Deserialize(json, StoredCardContext.Default.ContactCard)
        ?? throw new InvalidDataException("A stored contact's details are JSON null.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    IgnoreReadOnlyProperties = true,
    Converters = [typeof(PartialDateJsonConverter)])]
[JsonSerializable(typeof(ContactCard))]
internal sealed partial class StoredCardContext : JsonSerializerContext;

/// <summary>A <see cref="PartialDate"/> as its text: "1990-05-17" or "--05-17".</summary>
internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.TryParse(reader.GetString(), out var date) ? date : throw new JsonException($"'{reader.GetString()}' is not a date.");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
