using System.Buffers;
using Agenda.Rmi.Daemon;

namespace Agenda.Rmi.Capture;

/// <summary>
/// One connection's view of the capture. Counts the bytes each way always (cheap), so sequence numbers stay true when
/// recording starts mid-conversation; copies a message only while recording, cut at the per-message cap.
/// </summary>
public sealed class WireConnectionTrace(WireCapture capture, WireConnection connection) : IPyroConnectionWatch
{
    private long _fromClient, _toClient;
    private int _number;

    public WireConnection Connection { get; } = connection;

    public bool IsRecording => capture.IsRecording;

    public void Message(WireDirection direction, in ReadOnlySequence<byte> bytes)
    {
        var (number, offset) = Count(direction, bytes.Length);
        if (!capture.IsRecording) return;
        var kept = bytes.Slice(0, Math.Min(bytes.Length, capture.Options.MaxMessageBytes)).ToArray();
        capture.Record(Connection, new WireMessageRecord(
            Connection.Id, number, capture.Time.GetUtcNow(), direction, offset, (int)bytes.Length, kept));
    }

    public void Called(string objectId, string method)
    {
        if (capture.IsRecording) capture.Called(Connection, $"{objectId}.{method}");
    }

    public void Diagnose(string problem, string text) => capture.Diagnose(Connection, problem, text);

    public void Closed(WireCloser closer, string reason) => capture.Closed(Connection, closer, reason);

    /// <summary>Numbers the message and places it in its direction's byte stream.</summary>
    private (int Number, long Offset) Count(WireDirection direction, long length)
    {
        var number = Interlocked.Increment(ref _number);
        var offset = direction == WireDirection.FromClient
            ? Interlocked.Add(ref _fromClient, length) - length
            : Interlocked.Add(ref _toClient, length) - length;
        return (number, offset);
    }

    private static WireDirection Direction(bool fromClient) => fromClient ? WireDirection.FromClient : WireDirection.ToClient;

    bool IPyroConnectionWatch.WantsBytes => IsRecording;
    void IPyroConnectionWatch.Message(bool fromClient, in ReadOnlySequence<byte> bytes) => Message(Direction(fromClient), bytes);
    void IPyroConnectionWatch.Skipped(bool fromClient, long length) => Count(Direction(fromClient), length);
    void IPyroConnectionWatch.Problem(PyroProblem problem, string diagnosis) => Diagnose(problem.ToString(), diagnosis);
    void IPyroConnectionWatch.Closed(bool byClient, string reason) => Closed(byClient ? WireCloser.Client : WireCloser.Server, reason);
}
