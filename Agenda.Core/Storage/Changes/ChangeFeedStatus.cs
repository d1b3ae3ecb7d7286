namespace Agenda.Core.Storage.Changes;

public enum ChangeFeedState
{
    /// <summary>SQLite: this process is the database's only writer, so there are no other instances to hear.</summary>
    OneInstance,

    /// <summary>PostgreSQL, at startup: not yet listening.</summary>
    Connecting,

    /// <summary>PostgreSQL: listening; other instances' writes reach this one's pages.</summary>
    Listening,

    /// <summary>PostgreSQL: the listening connection dropped; until it is back, other instances' writes are not heard.</summary>
    Reconnecting,
}

/// <summary>
/// Whether this instance hears the other instances' writes (a singleton, for <c>/healthz</c>). Reads and writes do not
/// depend on it: only live updates of open pages do.
/// </summary>
public sealed class ChangeFeedStatus(ChangeFeedState initial, TimeProvider clock)
{
    private volatile Report _current = new(initial, null, clock.GetUtcNow());

    /// <summary>The state, why it is not <see cref="ChangeFeedState.Listening"/> (the last error), and since when.</summary>
    public sealed record Report(ChangeFeedState State, string? Problem, DateTimeOffset Since);

    public Report Current => _current;

    internal void Set(ChangeFeedState state, string? problem = null) => _current = new(state, problem, clock.GetUtcNow());
}
