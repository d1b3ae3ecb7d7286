namespace Agenda.Web.Components.Contacts;

/// <summary>
/// Paces a page's refreshes: a change after a quiet spell is shown at once, and a burst (a Pyro client inserting in a
/// loop, an import of 10,000 cards) folds into at most one refresh per interval (<see cref="Interval"/> unless given),
/// however many changes arrive. Refreshes and the page's own loads (the first page, a filter, a move) take turns.
/// </summary>
/// <remarks>
/// <see cref="Request"/> is called from whichever thread published the change; the refresh it passes marshals to the
/// circuit itself. Times come from <see cref="TimeProvider"/>, so tests advance a fake clock instead of sleeping.
/// </remarks>
public sealed class RefreshGate(TimeProvider time, Func<Task> refresh, TimeSpan? interval = null) : IDisposable
{
    /// <summary>At most one refresh per page in this time: short beside "within a second", long beside a query.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _interval = interval ?? Interval;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private bool _scheduled;
    private DateTimeOffset _lastStarted = DateTimeOffset.MinValue;

    /// <summary>Runs a load the person asked for now, after any refresh in progress.</summary>
    public async Task RunNowAsync(Func<Task> load)
    {
        await _turn.WaitAsync();
        try { await load(); }
        finally { _turn.Release(); }
    }

    /// <summary>Asks for a refresh: at once when none started within the interval, else when it has passed.
    /// Requests made before that refresh starts are answered by it.</summary>
    public void Request()
    {
        lock (_lock)
        {
            if (_scheduled) return;
            _scheduled = true;
        }
        _ = RefreshSoonAsync();
    }

    private async Task RefreshSoonAsync()
    {
        try
        {
            TimeSpan wait;
            lock (_lock) wait = _lastStarted == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastStarted + _interval - time.GetUtcNow();
            // Even with no wait, leave the publisher's thread: the rest of its burst (an import from this very circuit
            // publishes all its changes without yielding) then folds into this refresh.
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, _disposed.Token);
            else await Task.Yield();
            await _turn.WaitAsync(_disposed.Token);
        }
        catch (OperationCanceledException) { return; }
        try
        {
            lock (_lock)
            {
                _scheduled = false; // a change from here on is not in this refresh: it asks for the next one
                _lastStarted = time.GetUtcNow();
            }
            await refresh();
        }
        catch (Exception) when (_disposed.IsCancellationRequested) { } // the circuit is gone
        finally { _turn.Release(); }
    }

    // Cancelled, not disposed: a change published while the page closes may still ask for a refresh.
    public void Dispose() => _disposed.Cancel();
}
