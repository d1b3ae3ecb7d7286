using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Capture.Decoding;

/// <summary>How decoded payloads read on the page: Python literals, URIs as Pyro writes them, JSON indented.</summary>
internal static class WireValues
{
    // A 15 MB listar_todos reply must not become a 15 MB string in a Blazor circuit.
    public const int MaxTextLength = 64 * 1024;

    /// <summary>A value as a Python literal, with a Pyro URI dict shown as the URI it stands for.</summary>
    public static string Show(object? value) => Cut(UriText(value) ?? PyValue.Repr(value));

    /// <summary>The payload as text: serpent is already a Python literal (minus its <c># serpent</c> line), JSON indented.</summary>
    public static string PayloadText(ReadOnlySpan<byte> payload, string serializer)
    {
        var text = Encoding.UTF8.GetString(payload);
        if (serializer == "json")
        {
            try { return Cut(JsonNode.Parse(text)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null"); }
            catch (JsonException) { return Cut(text); }
        }
        if (text.StartsWith("# serpent", StringComparison.Ordinal) && text.IndexOf('\n') is var end and >= 0) text = text[(end + 1)..];
        return Cut(text);
    }

    /// <summary>Pyro4 sends a URI as <c>{'__class__': 'Pyro4.core.URI', 'state': (protocol, object, sockname, host, port)}</c>.</summary>
    private static string? UriText(object? value)
    {
        if (value is not IDictionary d || !d.Contains("__class__") || d["__class__"] is not "Pyro4.core.URI") return null;
        return d["state"] is IReadOnlyList<object?> { Count: 5 } s ? $"{s[0]}:{s[1]}@{s[3]}:{s[4]}" : null;
    }

    private static string Cut(string text) =>
        text.Length <= MaxTextLength ? text : text[..MaxTextLength] + $"… ({text.Length - MaxTextLength:N0} more characters)";
}
