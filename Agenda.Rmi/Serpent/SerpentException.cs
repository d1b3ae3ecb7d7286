using System.Text;

namespace Agenda.Rmi.Serpent;

/// <summary>
/// Serpent text that cannot be read, or a value that cannot be written. Reading errors carry the byte
/// offset in the input and a short escaped snippet around it.
/// </summary>
public sealed class SerpentException : Exception
{
    public SerpentException(string message) : base(message) => Position = -1;

    public SerpentException(string message, ReadOnlySpan<byte> input, int position)
        : base($"{message} at byte {position}, near {SnippetAround(input, position)}")
    {
        Position = position;
        Snippet = SnippetAround(input, position);
    }

    /// <summary>Byte offset in the input where reading failed; -1 for writing errors.</summary>
    public int Position { get; }

    /// <summary>The input around <see cref="Position"/>, with a ⟨here⟩ marker; empty for writing errors.</summary>
    public string Snippet { get; } = "";

    // 24 bytes either side, decoded leniently and with control characters escaped, so a broken or
    // binary payload still gives a readable one-line message.
    private static string SnippetAround(ReadOnlySpan<byte> input, int position)
    {
        int at = Math.Clamp(position, 0, input.Length);
        int start = Math.Max(0, at - 24), end = Math.Min(input.Length, at + 24);
        return "'" + Escape(input[start..at]) + "⟨here⟩" + Escape(input[at..end]) + "'";
    }

    private static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (char c in Encoding.UTF8.GetString(bytes))
        {
            if (c < 0x20 || c == 0x7f) text.Append($"\\x{(int)c:x2}");
            else text.Append(c);
        }
        return text.ToString();
    }
}
