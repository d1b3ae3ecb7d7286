using System.Buffers;

namespace Agenda.Rmi.Buffers;

/// <summary>
/// Bytes written into chunks rented from the shared pool and never copied to grow: a reply's payload, which must be
/// whole before its header (which carries its length) is sent. A small reply fits the first chunk; a 15 MB listing is
/// a chain of 64 KiB chunks instead of one array doubled on the way (each doubling a copy, the large arrays kept by
/// the pool afterwards). Dispose gives the chunks back.
/// </summary>
public sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    public const int FirstChunkBytes = 4096, LargestChunkBytes = 64 * 1024;

    private List<(byte[] Chunk, int Used)>? _filled; // made at the first full chunk: most replies never fill one
    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(FirstChunkBytes);
    private int _used;
    private long _filledBytes;

    public long Length => _filledBytes + _used;

    /// <summary>The written bytes in order, one piece per chunk; valid until the next write or <see cref="Dispose"/>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments
    {
        get
        {
            if (_filled is not null)
                foreach (var (chunk, used) in _filled) yield return chunk.AsMemory(0, used);
            if (_used > 0) yield return _chunk.AsMemory(0, _used);
        }
    }

    /// <summary>The written bytes as one sequence (over the chunks, not copied); valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlySequence<byte> Written
    {
        get
        {
            if (_filled is null) return new(_chunk.AsMemory(0, _used));
            Chunk? first = null, last = null;
            foreach (var segment in Segments) last = last is null ? first = new Chunk(segment, 0) : last.Then(segment);
            return new(first!, 0, last!, last!.Memory.Length);
        }
    }

    /// <summary>At least <paramref name="sizeHint"/> (and one) free bytes, in one piece.</summary>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        if (_chunk.Length - _used < Math.Max(sizeHint, 1)) NextChunk(sizeHint);
        return _chunk.AsSpan(_used);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_chunk.Length - _used < Math.Max(sizeHint, 1)) NextChunk(sizeHint);
        return _chunk.AsMemory(_used);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _chunk.Length - _used);
        _used += count;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var position = 0;
        foreach (var segment in Segments)
        {
            segment.Span.CopyTo(bytes.AsSpan(position));
            position += segment.Length;
        }
        return bytes;
    }

    // Chunks double from 4 KiB up to 64 KiB: small replies stay small, large ones never need a large array (nor the
    // large object heap), unless one piece asks for more.
    private void NextChunk(int sizeHint)
    {
        var size = Math.Max(sizeHint, Math.Clamp(_chunk.Length * 2, FirstChunkBytes, LargestChunkBytes));
        if (_used > 0)
        {
            (_filled ??= []).Add((_chunk, _used));
            _filledBytes += _used;
        }
        else ArrayPool<byte>.Shared.Return(_chunk);
        _chunk = ArrayPool<byte>.Shared.Rent(size);
        _used = 0;
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory, long runningIndex) => (Memory, RunningIndex) = (memory, runningIndex);

        public Chunk Then(ReadOnlyMemory<byte> memory)
        {
            var next = new Chunk(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    public void Dispose()
    {
        if (_filled is not null)
            foreach (var (chunk, _) in _filled) ArrayPool<byte>.Shared.Return(chunk);
        _filled = null;
        _filledBytes = 0;
        if (_chunk.Length > 0) ArrayPool<byte>.Shared.Return(_chunk);
        _chunk = [];
        _used = 0;
    }
}
