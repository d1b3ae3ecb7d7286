using System.Buffers;
using System.IO.Pipelines;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// What one connection tells its <see cref="IPyroConnectionWatch"/>, with the bookkeeping that belongs to it: messages
/// are copied only while the watch wants them, a problem is diagnosed once (where it is found, not again where it ends
/// the loop), and the last word on how the connection ended is reported when it does.
/// </summary>
internal sealed class ConnectionWatch(IPyroConnectionWatch watch)
{
    private (bool ByClient, string Reason) _close = (true, "the connection was reset");

    public bool Diagnosed { get; private set; }

    public void Message(bool fromClient, in ReadOnlySequence<byte> bytes)
    {
        if (watch.WantsBytes) watch.Message(fromClient, bytes);
        else watch.Skipped(fromClient, bytes.Length);
    }

    /// <summary>
    /// Writes a reply to <paramref name="output"/>: header and annotations, then the payload piece by piece, flushed every
    /// <see cref="FlushBytes"/> so a large payload never sits whole in the pipe as well. Only while recording does the
    /// message also go through an array the watch keeps.
    /// </summary>
    public async ValueTask WriteAsync(PipeWriter output, PyroMessageType type, PyroFlags flags, ushort sequence, ushort serializerId,
        IReadOnlyDictionary<string, byte[]> annotations, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        var dataSize = checked((int)payload.Length);
        if (watch.WantsBytes)
        {
            var message = new ArrayBufferWriter<byte>();
            PyroMessageWriter.WriteHead(message, type, flags, sequence, serializerId, annotations, dataSize);
            foreach (var piece in payload) message.Write(piece.Span);
            watch.Message(fromClient: false, new ReadOnlySequence<byte>(message.WrittenMemory));
            payload = new(message.WrittenMemory);
        }
        else
        {
            var head = PyroMessageWriter.WriteHead(output, type, flags, sequence, serializerId, annotations, dataSize);
            watch.Skipped(fromClient: false, head + dataSize);
        }
        var unflushed = 0;
        foreach (var piece in payload)
        {
            output.Write(piece.Span);
            if ((unflushed += piece.Length) < FlushBytes) continue;
            await output.FlushAsync(ct);
            unflushed = 0;
        }
        await output.FlushAsync(ct);
    }

    /// <summary>Kestrel's socket transport holds a writer back past 64 KiB by default (MaxWriteBufferSize): flushing that often costs no extra waits.</summary>
    public const int FlushBytes = 64 * 1024;

    public void Called(string objectId, string method) => watch.Called(objectId, method);

    public void Diagnose((PyroProblem Problem, string Diagnosis) found) => Diagnose(found.Problem, found.Diagnosis);

    public void Diagnose(PyroProblem problem, string diagnosis)
    {
        Diagnosed = true;
        watch.Problem(problem, diagnosis);
    }

    public void ClosedBy(bool client, string reason) => _close = (client, reason);

    public void Finished() => watch.Closed(_close.ByClient, _close.Reason);
}
