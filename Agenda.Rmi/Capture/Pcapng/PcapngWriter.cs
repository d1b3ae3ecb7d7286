using System.Buffers;

namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// Writes blocks to a stream through a buffer, so an export of thousands of small packets is a few large writes
/// (the stream is often an HTTP response body).
/// </summary>
internal sealed class PcapngWriter(Stream output)
{
    private const int FlushThreshold = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);

    public async ValueTask WriteAsync<TBlock>(TBlock block, CancellationToken ct) where TBlock : IPcapngBlock
    {
        var length = block.Length;
        block.Write(_buffer.GetSpan(length)[..length]);
        _buffer.Advance(length);
        if (_buffer.WrittenCount >= FlushThreshold) await FlushAsync(ct);
    }

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        await output.WriteAsync(_buffer.WrittenMemory, ct);
        _buffer.ResetWrittenCount();
        await output.FlushAsync(ct);
    }
}
