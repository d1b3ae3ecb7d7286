namespace Agenda.Web.Components.Contacts;

/// <summary>Which door (and who) each recently changed contact came through, remembered for <see cref="Duration"/>.</summary>
public sealed class RecentChanges(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, (DoorMark Mark, DateTimeOffset Until)> _marks = [];
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>Called after a mark expires, so the page can re-render without it.</summary>
    public Func<Task>? Expired { get; set; }

    public IReadOnlyDictionary<long, DoorMark> Current
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_gate) return _marks.Where(m => m.Value.Until > now).ToDictionary(m => m.Key, m => m.Value.Mark);
        }
    }

    public void Mark(long contactId, DoorMark mark)
    {
        var until = time.GetUtcNow() + Duration;
        lock (_gate) _marks[contactId] = (mark, until);
        _ = ExpireAtAsync(until);
    }

    private async Task ExpireAtAsync(DateTimeOffset until)
    {
        // A timer can fire a little early by the wall clock; re-rendering then would keep the badge until the next
        // change, so wait until the mark has really expired.
        for (var left = until - time.GetUtcNow(); left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            try { await Task.Delay(left, time, _disposed.Token); }
            catch (OperationCanceledException) { return; }
        }
        var now = time.GetUtcNow();
        int removed;
        lock (_gate)
        {
            var due = _marks.Where(m => m.Value.Until <= now).Select(m => m.Key).ToList();
            foreach (var id in due) _marks.Remove(id);
            removed = due.Count;
        }
        // After an import marked thousands of contacts, the first timer clears most of their marks and the rest
        // find nothing left: one re-render, not one per contact.
        if (removed > 0 && Expired is { } expired) await expired();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
