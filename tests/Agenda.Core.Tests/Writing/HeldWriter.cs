using Agenda.Core.Storage;
using Agenda.Core.Storage.Writing;

namespace Agenda.Core.Tests.Writing;

/// <summary>
/// Holds a store's writer so that the writes a test starts queue up, then lets it take them all as one batch: the way
/// to make a batch without depending on timing.
/// </summary>
internal sealed class HeldWriter : IDisposable
{
    private readonly WriteQueue _queue;
    private readonly IDisposable _hold;

    public HeldWriter(IContactStore store)
    {
        _queue = ((EfContactStore)store).Writes;
        _hold = _queue.Hold();
        BatchesBefore = _queue.Batches;
    }

    public long BatchesBefore { get; }

    /// <summary>Batches the writer committed since the hold began.</summary>
    public long BatchesSince => _queue.Batches - BatchesBefore;

    public int Waiting => _queue.Waiting;

    /// <summary>Waits until <paramref name="count"/> writes are queued, then releases the writer.</summary>
    public async Task ReleaseWhenQueuedAsync(int count)
    {
        await Eventually.TrueAsync(() => _queue.Waiting == count, () => $"{count} writes queued; {_queue.Waiting} are");
        Dispose();
    }

    public void Dispose() => _hold.Dispose();
}
