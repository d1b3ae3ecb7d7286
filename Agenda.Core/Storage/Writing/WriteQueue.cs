using System.Threading.Channels;
using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// Group commit. Every write of this process (create, update, patch, delete; an import as one write) waits here, and
/// ONE writer loop takes whatever is waiting and commits it as one <see cref="WriteBatch"/>; under light load that is a
/// single write, taken at once (no batching window). After the commit, an acknowledger publishes each write's
/// changes and then answers its caller, in commit order, while the writer already commits the next batch:
/// <code>
/// callers ──▶ waiting (bounded: Storage:MaxPendingWrites) ──▶ writer: batch → commit ──▶ acknowledger: publish, answer
/// </code>
/// A caller is answered only once the transaction holding its write committed, so ids and change events come in the
/// order callers are answered. A refused write (missing id, stale version, taken UID) fails alone inside its batch;
/// when SaveChanges itself fails (another instance got there first), the batch rolls back and each write runs again
/// alone, with today's retry and conflict rules. Change subscribers must not await a write: the acknowledger waits for them.
/// Between batches the writer also runs the index work the provider keeps out of each commit (<see cref="DeferredIndexing"/>).
/// </summary>
internal sealed class WriteQueue : IAsyncDisposable
{
    /// <summary>Writes per batch at most: bounds a transaction's size and the parameters of its reads.</summary>
    public const int MaxBatch = 512;

    // Committed batches whose callers are not yet answered: the writer runs this far ahead of slow subscribers.
    private const int CommittedBatches = 4;

    private readonly StoreParts _parts;
    private readonly DeferredIndexing _indexing;
    private readonly ContactChangeNotifier _notifier;
    private readonly Channel<PendingWrite> _waiting;
    private readonly Channel<IReadOnlyList<PendingWrite>> _committed =
        Channel.CreateBounded<IReadOnlyList<PendingWrite>>(new BoundedChannelOptions(CommittedBatches) { SingleReader = true, SingleWriter = true });
    private readonly Task _writer;
    private readonly Task _acknowledger;
    private volatile TaskCompletionSource? _hold;
    private long _batches;

    public WriteQueue(StoreParts parts, ContactChangeNotifier notifier, int maxPendingWrites)
    {
        (_parts, _notifier) = (parts, notifier);
        _indexing = new DeferredIndexing(parts);
        // Beyond the bound a caller waits for room (backpressure), holding only its own write.
        _waiting = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(maxPendingWrites) { SingleReader = true });
        _writer = Task.Run(WriteLoopAsync);
        _acknowledger = Task.Run(AcknowledgeLoopAsync);
    }

    /// <summary>Writes waiting for the writer (cancelled ones included until it passes them).</summary>
    public int Waiting => _waiting.Reader.Count;

    /// <summary>Batches committed (or failed) since the store opened.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>
    /// Queues <paramref name="write"/> and returns its result once it is committed and published. Cancelling while it
    /// waits removes it; once the writer has taken it, it goes ahead and the caller gets its real outcome.
    /// </summary>
    public async Task<T> WriteAsync<T>(PendingWrite<T> write, CancellationToken ct)
    {
        await _waiting.Writer.WriteAsync(write, ct);
        if (!ct.CanBeCanceled) return await write.Answered;
        using var registration = ct.Register(() => write.TryCancel(ct));
        return await write.Answered;
    }

    /// <summary>For tests: the writer stops before taking its next batch until the handle is disposed, so writes queue up.</summary>
    public IDisposable Hold()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = held;
        return new Released(() =>
        {
            _hold = null;
            held.TrySetResult();
        });
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete(); // what is queued still commits and is answered
        await _writer;
        await _acknowledger;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _waiting.Reader;
        PendingWrite? carried = null; // taken while a batch was filling, but it runs alone: the next batch
        while (carried is not null || await _indexing.NextWriteAsync(reader))
        {
            if (_hold is { } hold) await hold.Task;
            var batch = new List<PendingWrite>();
            if (carried is not null) (batch, carried) = ([carried], null);
            while (batch.Count < MaxBatch && batch is not [{ RunsAlone: true }] && reader.TryRead(out var write))
            {
                if (!write.TryStart()) continue; // its caller cancelled while it waited
                if (write.RunsAlone && batch.Count > 0) { carried = write; break; }
                batch.Add(write);
            }
            if (batch.Count == 0) continue;
            await CommitAsync(batch);
            Interlocked.Increment(ref _batches);
            await _committed.Writer.WriteAsync(batch);
            await _indexing.AfterBatchAsync();
        }
        _committed.Writer.Complete();
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 1)
        {
            await RunAloneAsync(batch[0]);
            return;
        }
        try { await RunAsync(batch); }
        catch (DbUpdateException)
        {
            // One write's failure at SaveChanges must not fail the others: the batch rolled back, each runs again alone.
            foreach (var write in batch) await RunAloneAsync(write);
        }
        catch (Exception failure)
        {
            // Not the writes' doing (the database is unreachable): each caller is told, as a lone write would be.
            foreach (var write in batch) write.Fail(failure);
        }
    }

    private async Task RunAloneAsync(PendingWrite write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync([write]);
                return;
            }
            catch (DbUpdateException failure)
            {
                try { if (await write.RetryAfterAsync(failure, attempt, _parts, CancellationToken.None)) continue; }
                catch (Exception) { write.Fail(failure); }
                return;
            }
            catch (Exception failure)
            {
                write.Fail(failure);
                return;
            }
        }
    }

    private async Task RunAsync(IReadOnlyList<PendingWrite> writes)
    {
        await using var batch = await WriteBatch.OpenAsync(_parts, writes, CancellationToken.None);
        foreach (var write in writes) await write.DecideAsync(batch, CancellationToken.None);
        await batch.CommitAsync(writes, CancellationToken.None);
        foreach (var change in writes.SelectMany(w => w.Changes)) _parts.Cache.WriteFinished(change.ContactId, change.Contact);
    }

    private async Task AcknowledgeLoopAsync()
    {
        await foreach (var batch in _committed.Reader.ReadAllAsync())
            foreach (var write in batch)
            {
                foreach (var change in write.Changes) await _notifier.PublishAsync(change);
                write.Answer();
            }
    }

    private sealed class Released(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
