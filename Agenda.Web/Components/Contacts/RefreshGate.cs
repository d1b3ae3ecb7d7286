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

    public async Task RunAsync(Func<Task> load)
    {
        if (_running)
        {
            _again = true;
            return;
        }
        _running = true;
        try
        {
            // SQLite's "async" queries finish synchronously, so a load started here would be over before the next
            // event of the burst arrives, and every event would load again. An import from this very circuit
            // publishes its whole burst without leaving the dispatcher: yielding lets it finish first.
            await Task.Yield();
            do
            {
                _again = false;
                await load();
            } while (_again);
        }
        finally { _running = false; }
    }
}
