using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>
/// One change stream's reader: the changes published since it opened, in order, in a bounded queue. Writers never wait
/// for it (the notifier only offers); a reader too slow to keep up loses what was queued and is sent one
/// <see cref="ChangeKind.Resync"/> in its place, so its memory stays bounded and it still learns to read again.
/// <code>
/// what the reader gets          when
/// resync                        first, as soon as it is subscribed: read what you show now; changes after it follow
/// created / updated / deleted   each change published since, in order
/// resync                        a change did not fit in the queue: everything queued was dropped
/// </code>
/// The reading also ends, as if the reader had caught up with a closed stream, when <c>stopping</c> fires (the app is
/// shutting down), so shutdown does not wait for readers to leave. Disposing unsubscribes, ends the reading, and gives
/// the stream's slot back (once).
/// </summary>
internal sealed class ChangeStreamQueue : IDisposable
{
    private readonly Channel<ContactChange> _changes;
    private readonly IDisposable _subscription;
    private readonly CancellationTokenRegistration _stopping;
    private readonly Action _release;
    private int _overflowed; // 1 from the change that did not fit until the reader has dropped the queue
    private int _disposed;

    public ChangeStreamQueue(ContactChangeNotifier notifier, int capacity, CancellationToken stopping, Action release)
    {
        _changes = Channel.CreateBounded<ContactChange>(new BoundedChannelOptions(capacity) { SingleReader = true });
        _release = release;
        _subscription = notifier.Subscribe(Offer);
        _stopping = stopping.Register(() => _changes.Writer.TryComplete());
    }

    public async IAsyncEnumerable<ContactChange> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        yield return ContactChange.Resync;
        while (await _changes.Reader.WaitToReadAsync(ct))
        {
            if (Interlocked.Exchange(ref _overflowed, 0) == 1)
            {
                while (_changes.Reader.TryRead(out _)) { }
                yield return ContactChange.Resync;
            }
            else if (_changes.Reader.TryRead(out var change)) yield return change;
        }
    }

    // On the writer's path: never waits, never throws.
    private Task Offer(ContactChange change)
    {
        if (!_changes.Writer.TryWrite(change)) Volatile.Write(ref _overflowed, 1);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _subscription.Dispose();
        _stopping.Dispose();
        _changes.Writer.TryComplete();
        _release();
    }
}
