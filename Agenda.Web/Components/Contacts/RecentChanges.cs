namespace Agenda.Web.Components.Contacts;

/// <summary>
/// Which door (and who) each recently changed contact came through, remembered for <see cref="Duration"/>. Every mark
/// lasts as long, so marks expire in the order they were made: one timer, set for the oldest, serves them all, however
/// many contacts a burst of writes marks.
/// </summary>
public sealed class RecentChanges(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, (DoorMark Mark, DateTimeOffset Until)> _marks = [];
    private readonly Queue<(long Id, DateTimeOffset Until)> _expiring = new(); // oldest first
    private readonly CancellationTokenSource _disposed = new();
    private bool _timerSet;

    /// <summary>Called with the contacts whose marks expired, so the page can re-render when it shows one of them.</summary>
    public Func<IReadOnlyCollection<long>, Task>? Expired { get; set; }

    /// <summary>The marks, not yet expired, of the contacts <paramref name="ids"/> names (those a page shows).</summary>
    public IReadOnlyDictionary<long, DoorMark> Of(IEnumerable<long> ids)
    {
        var now = time.GetUtcNow();
        var current = new Dictionary<long, DoorMark>();
        lock (_gate)
        {
            foreach (var id in ids)
                if (_marks.TryGetValue(id, out var m) && m.Until > now) current[id] = m.Mark;
        }
        return current;
    }

    public void Mark(long contactId, DoorMark mark) => Mark([(contactId, mark)]);

    /// <summary>Marks a batch of changes at once: one expiry time for all of them.</summary>
    public void Mark(IEnumerable<(long ContactId, DoorMark Mark)> changes)
    {
        var until = time.GetUtcNow() + Duration;
        bool startTimer;
        lock (_gate)
        {
            foreach (var (id, mark) in changes)
            {
                _marks[id] = (mark, until);
                _expiring.Enqueue((id, until));
            }
            startTimer = !_timerSet && _expiring.Count > 0;
            _timerSet |= startTimer;
        }
        if (startTimer) _ = ExpireAsync();
    }

    private async Task ExpireAsync()
    {
        while (true)
        {
            DateTimeOffset oldest;
            lock (_gate) oldest = _expiring.Peek().Until;
            // A timer can fire a little early by the wall clock; re-rendering then would keep the badge until the
            // next change, so wait until the mark has really expired.
            for (var left = oldest - time.GetUtcNow(); left > TimeSpan.Zero; left = oldest - time.GetUtcNow())
            {
                try { await Task.Delay(left, time, _disposed.Token); }
                catch (OperationCanceledException) { return; }
            }
            var (removed, more) = RemoveExpired(time.GetUtcNow());
            // After an import marked thousands of contacts together, they all go in this one call: one re-render.
            if (removed.Count > 0 && Expired is { } expired)
            {
                try { await expired(removed); }
                catch (Exception) when (_disposed.IsCancellationRequested) { return; } // the circuit is gone
            }
            if (!more) return;
        }
    }

    private (List<long> Removed, bool More) RemoveExpired(DateTimeOffset now)
    {
        var removed = new List<long>();
        lock (_gate)
        {
            while (_expiring.TryPeek(out var due) && due.Until <= now)
            {
                _expiring.Dequeue();
                // Marked again since: that later mark stays, with its own place in the queue.
                if (_marks.TryGetValue(due.Id, out var mark) && mark.Until == due.Until)
                {
                    _marks.Remove(due.Id);
                    removed.Add(due.Id);
                }
            }
            _timerSet = _expiring.Count > 0;
            return (removed, _timerSet);
        }
    }

    // Cancelled, not disposed: a change published while the page closes may still mark.
    public void Dispose() => _disposed.Cancel();
}
