using System.Diagnostics.CodeAnalysis;

namespace Agenda.Rmi.Serpent;

/// <summary>
/// Python bytes travel as <c>{'data': '&lt;base64&gt;', 'encoding': 'base64'}</c> and the parser leaves that dict as it is
/// (as Python's serpent does); callers that expect bytes convert it here.
/// </summary>
public static class SerpentBytes
{
    /// <summary>
    /// Decodes a serpent bytes dict (or passes through a <c>byte[]</c> from a <c>b'...'</c> literal).
    /// Returns false for anything else, including malformed base64.
    /// </summary>
    public static bool TryDecode(object? value, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (value is byte[] raw) { bytes = raw; return true; }
        if (value is not IDictionary<object, object?> dict || dict.Count != 2) return false;
        if (!dict.TryGetValue("encoding", out var encoding) || encoding is not "base64") return false;
        if (!dict.TryGetValue("data", out var data) || data is not string text) return false;
        var buffer = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text, buffer, out int length)) return false;
        bytes = buffer[..length];
        return true;
    }
}
