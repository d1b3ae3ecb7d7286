namespace Agenda.Rmi.Capture;

/// <summary>
/// Which conversations to show: on one listener, and having called an object and/or a method whose names contain the
/// given text (case-insensitive). Empty parts match everything; object and method must match the same call.
/// </summary>
public sealed record WireFilter(string? Listener = null, string? Object = null, string? Method = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Listener) && string.IsNullOrWhiteSpace(Object) && string.IsNullOrWhiteSpace(Method);

    public bool Matches(WireConversation conversation)
    {
        if (!string.IsNullOrWhiteSpace(Listener) && !string.Equals(conversation.Listener, Listener.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;
        if (string.IsNullOrWhiteSpace(Object) && string.IsNullOrWhiteSpace(Method)) return true;
        return conversation.Calls.Any(CallMatches);
    }

    /// <summary>The conversations that match, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<WireConversation> Apply(IEnumerable<WireConversation> conversations, int limit) =>
        [.. conversations.Where(Matches).OrderByDescending(c => c.Id).Take(limit)];

    // Calls are "object.method", and object ids have dots of their own (Pyro.NameServer, agenda.contacts): split at the last.
    private bool CallMatches(string call)
    {
        var dot = call.LastIndexOf('.');
        var (objectId, method) = dot < 0 ? (call, "") : (call[..dot], call[(dot + 1)..]);
        return Contains(objectId, Object) && Contains(method, Method);
    }

    private static bool Contains(string name, string? part) =>
        string.IsNullOrWhiteSpace(part) || name.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase);
}
