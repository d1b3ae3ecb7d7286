using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Agenda.Rmi.Buffers;

namespace Agenda.Rmi.Serpent;

/// <summary>
/// The serpent writer's appends onto a <see cref="PooledBuffer"/>. Long text is encoded piece by piece, so a 4 MB str
/// (an export) needs no 12 MB worst-case span in one piece.
/// </summary>
internal static class SerpentOutput
{
    private const int Piece = PooledBuffer.LargestChunkBytes;

    public static void Append(this PooledBuffer o, byte b)
    {
        o.GetSpan(1)[0] = b;
        o.Advance(1);
    }

    public static void Append(this PooledBuffer o, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var span = o.GetSpan(Math.Min(bytes.Length, Piece));
            var n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            o.Advance(n);
            bytes = bytes[n..];
        }
    }

    /// <summary>Appends text that needs no escaping, encoded as UTF-8.</summary>
    public static void AppendUtf8(this PooledBuffer o, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // Room for at least one whole scalar (4 bytes), so every pass makes progress; a pair is never split.
            var span = o.GetSpan(Math.Min(Encoding.UTF8.GetMaxByteCount(text.Length), Piece));
            Utf8.FromUtf16(text, span, out var read, out var written);
            o.Advance(written);
            text = text[read..];
        }
    }

    /// <summary>Appends text the caller has checked is ASCII (one byte per char).</summary>
    public static void AppendAscii(this PooledBuffer o, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var span = o.GetSpan(Math.Min(text.Length, Piece));
            var n = Math.Min(span.Length, text.Length);
            Ascii.FromUtf16(text[..n], span, out var written);
            o.Advance(written);
            text = text[n..];
        }
    }

    /// <summary>Appends a value formatted by <see cref="IUtf8SpanFormattable"/> (numbers, in invariant form).</summary>
    public static void AppendFormatted<T>(this PooledBuffer o, T value, ReadOnlySpan<char> format = default) where T : IUtf8SpanFormattable
    {
        var room = 32;
        while (true)
        {
            var span = o.GetSpan(room);
            if (value.TryFormat(span, out var written, format, System.Globalization.CultureInfo.InvariantCulture))
            {
                o.Advance(written);
                return;
            }
            room = span.Length * 2; // a BigInteger of many digits
        }
    }
}
