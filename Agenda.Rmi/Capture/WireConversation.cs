using System.Net;

namespace Agenda.Rmi.Capture;

/// <summary>
/// One connection to a Pyro listener as the capture saw it: who connected to which listener, what it called, how it
/// ended. <see cref="Calls"/> lists <c>object.method</c> in first-call order; <see cref="Diagnosis"/> is set when the
/// connection was refused or broke the protocol.
/// </summary>
public sealed record WireConversation(
    long Id, string Listener, IPEndPoint Client, IPEndPoint Server, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, WireCloser? ClosedBy, string? CloseReason,
    IReadOnlyList<string> Calls, int MessageCount, string? Diagnosis)
{
    public bool IsOpen => ClosedAt is null;
}
