using System.Text.Json;
using System.Text.Json.Nodes;
using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>
/// Reads the values of a contact body, checking each one's JSON type before the store sees it. A value of the wrong type
/// is filed under its path as the body spells it (<c>phones[1].number</c>) with what was expected, and reads as empty so
/// reading goes on and every mistake is listed at once. Null is empty everywhere: "", false, no date, no entries.
/// </summary>
internal sealed class ContactJsonReader
{
    public const string DateShape = "a date like 1990-05-17 or --05-17";

    public Dictionary<string, string[]> Errors { get; } = [];

    public void Refuse(string path, string message) =>
        Errors[path] = Errors.TryGetValue(path, out var earlier) ? [.. earlier, message] : [message];

    public string Text(JsonNode? value, string path) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Refused(path, $"{path} must be a string or null, not {KindOf(value)}.", ""),
    };

    public bool Flag(JsonNode? value, string path) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => Refused(path, $"{path} must be true or false.", false),
    };

    /// <summary>A birthday or anniversary; "" is no date, as null is.</summary>
    public PartialDate? Date(JsonNode? value, string path)
    {
        if (value is null) return null;
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (text == "") return null;
        return text is not null && PartialDate.TryParse(text, out var date) ? date
            : Refused<PartialDate?>(path, $"{path} must be {DateShape}, or null.", null);
    }

    /// <summary>An array of strings, such as groups.</summary>
    public IReadOnlyList<string> Texts(JsonNode? value, string path) =>
        Items(value, path, "strings", (item, itemPath) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : Refused(itemPath, $"{itemPath} must be a string, not {KindOf(item)}.", ""));

    /// <summary>An array of objects with the given keys, each read by <paramref name="read"/>; other keys are refused.</summary>
    public IReadOnlyList<T> Entries<T>(JsonNode? value, string path, string[] keys, Func<ContactJsonEntry, T> read) =>
        Items(value, path, "objects", (item, itemPath) =>
        {
            if (item is not JsonObject entry) return Refused(itemPath, $"{itemPath} must be an object, not {KindOf(item)}.", default(T));
            foreach (var (key, _) in entry)
                if (!keys.Contains(key))
                    Refuse($"{itemPath}.{key}", $"Unknown field '{key}' in {itemPath}; its fields are {string.Join(", ", keys)}.");
            return read(new ContactJsonEntry(this, entry, itemPath));
        });

    private List<T> Items<T>(JsonNode? value, string path, string what, Func<JsonNode?, string, T?> read)
    {
        if (value is null) return [];
        if (value is not JsonArray array) return Refused(path, $"{path} must be an array of {what} or null, not {KindOf(value)}.", new List<T>());
        var items = new List<T>();
        for (var i = 0; i < array.Count; i++)
            if (read(array[i], $"{path}[{i}]") is { } item) items.Add(item);
        return items;
    }

    private T Refused<T>(string path, string message, T empty)
    {
        Refuse(path, message);
        return empty;
    }

    private static string KindOf(JsonNode? value) => value is null ? "null" : value.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        var kind => "a " + kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>One object in a list (a phone, an address): its values read by key, with the entry's path.</summary>
internal readonly record struct ContactJsonEntry(ContactJsonReader Reader, JsonObject Entry, string Path)
{
    public string Text(string key) => Reader.Text(Entry[key], $"{Path}.{key}");
    public bool Flag(string key) => Reader.Flag(Entry[key], $"{Path}.{key}");
}
