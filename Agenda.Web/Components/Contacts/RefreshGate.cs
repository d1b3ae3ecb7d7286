namespace Agenda.Web.Components.Contacts;

/// <summary>
/// Coalesces reloads: a burst of change events (say a Pyro client inserting in a loop, or an import of 10,000 cards)
/// costs one query in flight plus one more after it, not one query per event. Used only from the circuit's
/// dispatcher, so no locking.
/// </summary>
public sealed class RefreshGate
{
    private bool _running;
    private bool _again;

    /// <summary>Loads now (the first page, a filter, a move), or once more after the load in flight.</summary>
    public Task RunAsync(Func<Task> load) => RunAsync(load, afterBurst: false);

    /// <summary>
    /// Loads after a change event, once the events published with it have arrived. SQLite's "async" queries finish
    /// synchronously, so a load started at once would be over before the next event of a burst, and every event would
    /// load again; an import from this very circuit even publishes its whole burst without leaving the dispatcher.
    /// Yielding first lets the burst finish and fold into this one load.
    /// </summary>
    public Task RunAfterBurstAsync(Func<Task> load) => RunAsync(load, afterBurst: true);

    private async Task RunAsync(Func<Task> load, bool afterBurst)
    {
        if (_running)
        {
            _again = true;
            return;
        }
        _running = true;
        try
        {
            if (afterBurst) await Task.Yield();
            do
            {
                _again = false;
                await load();
            } while (_again);
        }
        finally { _running = false; }
    }
}
