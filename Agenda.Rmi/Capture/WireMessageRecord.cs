namespace Agenda.Rmi.Capture;

/// <summary>
/// One Pyro message (or, for a client that does not speak Pyro, the bytes it sent) as it crossed the socket.
/// <see cref="Bytes"/> is cut at the per-message cap; <see cref="Length"/> is what was really sent.
/// <see cref="StreamOffset"/> counts the bytes sent the same way before it on this connection, recorded or not,
/// so the pcapng export can number TCP sequences as they were.
/// </summary>
public sealed record WireMessageRecord(
    long ConversationId, int Number, DateTimeOffset Time, WireDirection Direction, long StreamOffset, int Length, byte[] Bytes)
{
    public bool Truncated => Bytes.Length < Length;
}
