namespace Agenda.Rmi.Capture;

/// <summary>
/// What crossed the Pyro listeners' sockets, shared by both daemons (a DI singleton): conversations, their messages,
/// and the diagnoses of refusals and protocol errors. Recording is off unless started; diagnoses are kept regardless.
/// Bounded by <see cref="WireCaptureOptions"/>: the oldest messages go first, and a conversation goes once it is
/// closed and none of its messages remain. Readers get snapshots; <see cref="Version"/> tells them something changed.
/// </summary>
public sealed class WireCapture(WireCaptureOptions options, TimeProvider time)
{
    // Allowance for the record and its queue slot, so MaxBytes bounds memory and not only payload bytes.
    private const int RecordOverhead = 128;

    private readonly Lock _gate = new();
    private readonly Queue<WireMessageRecord> _messages = new();
    private readonly SortedDictionary<long, ConversationEntry> _conversations = [];
    private readonly Queue<WireDiagnosis> _diagnoses = new();
    private long _bytes, _version, _nextConnectionId;
    private bool _recording = options.Enabled;

    public WireCaptureOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public bool IsRecording => Volatile.Read(ref _recording);

    /// <summary>What the kept messages weigh against <see cref="WireCaptureOptions.MaxBytes"/> (bytes plus a per-record allowance).</summary>
    public long HeldBytes { get { lock (_gate) return _bytes; } }

    /// <summary>Increases on every change, so a page can poll it and redraw at its own pace.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Start() { Volatile.Write(ref _recording, true); Changed(); }

    public void Stop() { Volatile.Write(ref _recording, false); Changed(); }

    /// <summary>Forgets every message, conversation and diagnosis; open connections reappear when they next send.</summary>
    public void Clear()
    {
        lock (_gate) { _messages.Clear(); _conversations.Clear(); _diagnoses.Clear(); _bytes = 0; }
        Changed();
    }

    public IReadOnlyList<WireConversation> Conversations()
    {
        lock (_gate) return [.. _conversations.Values.Select(c => c.Snapshot())];
    }

    public WireConversation? Conversation(long id)
    {
        lock (_gate) return _conversations.TryGetValue(id, out var entry) ? entry.Snapshot() : null;
    }

    /// <summary>Kept messages in the order they crossed the wire, of one conversation or of all.</summary>
    public IReadOnlyList<WireMessageRecord> Messages(long? conversationId = null)
    {
        lock (_gate) return [.. _messages.Where(m => conversationId is null || m.ConversationId == conversationId)];
    }

    public IReadOnlyList<WireDiagnosis> Diagnoses()
    {
        lock (_gate) return [.. _diagnoses];
    }

    /// <summary>A new connection to <paramref name="listener"/>: its id and endpoints, for a <see cref="WireConnectionTrace"/>.</summary>
    public WireConnection Open(string listener, System.Net.IPEndPoint client, System.Net.IPEndPoint server) =>
        new(Interlocked.Increment(ref _nextConnectionId), listener, client, server, Time.GetUtcNow());

    internal void Record(WireConnection connection, WireMessageRecord message)
    {
        lock (_gate)
        {
            var entry = Entry(connection);
            entry.MessageCount++;
            entry.Retained++;
            _messages.Enqueue(message);
            _bytes += message.Bytes.Length + RecordOverhead;
            while (_messages.Count > Options.MaxMessages || _bytes > Options.MaxBytes) DropOldest();
        }
        Changed();
    }

    internal void Called(WireConnection connection, string call)
    {
        lock (_gate) if (IsRecording) Entry(connection).AddCall(call);
        Changed();
    }

    internal void Diagnose(WireConnection connection, string problem, string text)
    {
        lock (_gate)
        {
            _diagnoses.Enqueue(new WireDiagnosis(Time.GetUtcNow(), connection.Id, connection.Listener, connection.Client, problem, text));
            while (_diagnoses.Count > Options.MaxDiagnoses) _diagnoses.Dequeue();
            if (IsRecording) Entry(connection).Diagnosis ??= text;
        }
        Changed();
    }

    internal void Closed(WireConnection connection, WireCloser closer, string reason)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(connection.Id, out var entry)) return;
            (entry.ClosedAt, entry.ClosedBy, entry.CloseReason) = (Time.GetUtcNow(), closer, reason);
            if (entry.Retained == 0) _conversations.Remove(connection.Id);
        }
        Changed();
    }

    private ConversationEntry Entry(WireConnection connection)
    {
        if (!_conversations.TryGetValue(connection.Id, out var entry))
            _conversations[connection.Id] = entry = new ConversationEntry(connection);
        return entry;
    }

    private void DropOldest()
    {
        var dropped = _messages.Dequeue();
        _bytes -= dropped.Bytes.Length + RecordOverhead;
        if (_conversations.TryGetValue(dropped.ConversationId, out var entry) && --entry.Retained == 0 && entry.ClosedAt is not null)
            _conversations.Remove(dropped.ConversationId);
    }

    private void Changed() => Interlocked.Increment(ref _version);
}
