namespace Agenda.Rmi.Capture;

/// <summary>The capture's mutable record of one conversation; only <see cref="WireCapture"/> touches it, under its lock.</summary>
internal sealed class ConversationEntry(WireConnection connection)
{
    // A client calling many different methods must not grow the list without bound.
    private const int MaxCalls = 32;

    public WireConnection Connection { get; } = connection;
    public DateTimeOffset? ClosedAt { get; set; }
    public WireCloser? ClosedBy { get; set; }
    public string? CloseReason { get; set; }
    public string? Diagnosis { get; set; }
    public List<string> Calls { get; } = [];
    public int MessageCount { get; set; }
    public int Retained { get; set; }

    public void AddCall(string call)
    {
        if (Calls.Count < MaxCalls && !Calls.Contains(call)) Calls.Add(call);
    }

    public WireConversation Snapshot() => new(
        Connection.Id, Connection.Listener, Connection.Client, Connection.Server, Connection.OpenedAt,
        ClosedAt, ClosedBy, CloseReason, [.. Calls], MessageCount, Diagnosis);
}
