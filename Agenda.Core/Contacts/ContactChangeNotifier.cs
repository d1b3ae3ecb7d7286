namespace Agenda.Core.Contacts;

/// <summary>
/// Singleton fan-out of <see cref="ContactChange"/>s to subscribers (Blazor circuits, the name server page, ...).
/// A subscriber that throws is isolated: the others still get the event and the writer never sees the exception.
/// </summary>
public sealed class ContactChangeNotifier
{
    private readonly Lock _gate = new();
    private Func<ContactChange, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<ContactChange, Task> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    public async Task PublishAsync(ContactChange change)
    {
        foreach (var handler in Volatile.Read(ref _subscribers))
        {
            try { await handler(change); }
            catch { /* a broken subscriber (e.g. a closed circuit) must not fail the write */ }
        }
    }

    private void Unsubscribe(Func<ContactChange, Task> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(h => h != handler)];
    }

    private sealed class Subscription(ContactChangeNotifier owner, Func<ContactChange, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
