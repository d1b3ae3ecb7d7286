using System.Text;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// Collects text like a <see cref="StringWriter"/> but refuses to hold more than <paramref name="maxBytes"/> bytes of
/// UTF-8: the write that would pass the bound throws <see cref="TextBoundExceededException"/>, so an export too large to
/// send stops there instead of building the whole book in memory first.
/// </summary>
internal sealed class BoundedTextWriter(int maxBytes) : TextWriter
{
    private readonly StringBuilder _text = new();
    private long _bytes;

    public override Encoding Encoding => Encoding.UTF8;

    // TextWriter routes every other Write and WriteLine overload through these two (and the span one), the async ones
    // included (the base WriteAsync(StringBuilder) writes chunk by chunk through WriteAsync(ReadOnlyMemory<char>)).
    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        // A surrogate pair split across two writes counts 3 + 3 bytes instead of 4: never less than the real size.
        var bytes = _bytes + Encoding.UTF8.GetByteCount(buffer);
        if (bytes > maxBytes) throw new TextBoundExceededException(maxBytes);
        _bytes = bytes;
        _text.Append(buffer);
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override string ToString() => _text.ToString();
}

/// <summary>The text would be larger than a <see cref="BoundedTextWriter"/> may hold.</summary>
internal sealed class TextBoundExceededException(int maxBytes)
    : Exception($"the text would be larger than {maxBytes} bytes of UTF-8")
{
    public int MaxBytes => maxBytes;
}
