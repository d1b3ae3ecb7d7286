using System.Buffers;
using System.Text;

namespace Agenda.Rmi.Serpent;

/// <summary>A growable UTF-8 buffer rented from the shared pool; the writer's only allocation per call.</summary>
internal sealed class SerpentOutput : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Append(byte b)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Appends text that needs no escaping, encoded as UTF-8.</summary>
    public void AppendUtf8(ReadOnlySpan<char> text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_length + max > _buffer.Length) Grow(max);
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    /// <summary>Appends a value formatted by <see cref="IUtf8SpanFormattable"/> (numbers, in invariant form).</summary>
    public void AppendFormatted<T>(T value, ReadOnlySpan<char> format = default) where T : IUtf8SpanFormattable
    {
        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, format, System.Globalization.CultureInfo.InvariantCulture))
            Grow(Math.Max(64, _buffer.Length));
        _length += written;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
