using System.Buffers;
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

    /// <summary>Writes a reply to <paramref name="output"/>; only while recording does it go through an array the watch keeps.</summary>
    public void Write(IBufferWriter<byte> output, in PyroMessage message)
    {
        if (!watch.WantsBytes)
        {
            watch.Skipped(fromClient: false, PyroMessageWriter.Write(output, message));
            return;
        }
        var bytes = PyroMessageWriter.ToArray(message);
        output.Write(bytes);
        watch.Message(fromClient: false, new ReadOnlySequence<byte>(bytes));
    }

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
