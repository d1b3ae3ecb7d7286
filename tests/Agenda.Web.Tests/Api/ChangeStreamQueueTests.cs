using Agenda.Core.Contacts;
using Agenda.Web.Api;

namespace Agenda.Web.Tests.Api;

/// <summary>One change stream reader's queue, fed by the notifier the store publishes on, read as the SSE response reads it.</summary>
public sealed class ChangeStreamQueueTests
{
    private readonly ContactChangeNotifier _notifier = new();
    private int _released;

    private readonly CancellationTokenSource _stopping = new();

    private ChangeStreamQueue Open(int capacity = 10) => new(_notifier, capacity, _stopping.Token, () => _released++);

    private static ContactChange Created(long id) =>
        new(id, ChangeKind.Created, 1, Door.Rest, new Contact(id, ContactCard.Simple($"N{id}", "", "", ""), 1, DateTime.UtcNow, DateTime.UtcNow));

    private static async Task<List<ContactChange>> TakeAsync(IAsyncEnumerator<ContactChange> reader, int count)
    {
        var taken = new List<ContactChange>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
            taken.Add(reader.Current);
        }
        return taken;
    }

    [Fact]
    public async Task AReaderIsToldToResyncFirstThenGetsEveryChangeInOrder()
    {
        using var queue = Open();
        await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();

        foreach (var id in new long[] { 5, 3, 9 }) await _notifier.PublishAsync(Created(id));

        var read = await TakeAsync(reader, 4);
        Assert.Equal([ChangeKind.Resync, ChangeKind.Created, ChangeKind.Created, ChangeKind.Created], read.Select(c => c.Kind));
        Assert.Equal([5L, 3, 9], read.Skip(1).Select(c => c.ContactId));
    }

    [Fact]
    public async Task AReaderThatFallsBehindGetsOneResyncInPlaceOfWhatWasQueuedThenTheChangesAfterIt()
    {
        using var queue = Open(capacity: 10);
        await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.Equal(ChangeKind.Resync, (await TakeAsync(reader, 1))[0].Kind);

        for (var id = 0; id < 25; id++) await _notifier.PublishAsync(Created(id)); // 15 more than fit, nobody reading
        await _notifier.PublishAsync(Created(100)); // the queue is still full: dropped too

        Assert.Equal(ChangeKind.Resync, (await TakeAsync(reader, 1))[0].Kind);
        await _notifier.PublishAsync(Created(200)); // after the resync: delivered
        var after = (await TakeAsync(reader, 1))[0];
        Assert.Equal((ChangeKind.Created, 200L), (after.Kind, after.ContactId));
    }

    [Fact]
    public void AWriterNeverWaitsForAReaderThatDoesNotRead()
    {
        using var queue = Open(capacity: 1);

        var publishing = Enumerable.Range(0, 1_000).Select(id => _notifier.PublishAsync(Created(id))).ToList();

        Assert.All(publishing, p => Assert.True(p.IsCompletedSuccessfully)); // each write's publish finished at once
    }

    [Fact]
    public async Task DisposingEndsTheReadingAndGivesTheSlotBackOnce()
    {
        var queue = Open();
        await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        await TakeAsync(reader, 1);

        queue.Dispose();
        queue.Dispose();
        await _notifier.PublishAsync(Created(1));

        Assert.False(await reader.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _released);
    }

    [Fact]
    public async Task TheAppStoppingEndsTheReadingAsAClosedStreamDoes()
    {
        using var queue = Open();
        await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        await TakeAsync(reader, 1);

        var waiting = reader.MoveNextAsync().AsTask();
        await _stopping.CancelAsync();

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10))); // an end, not an error
    }

    [Fact]
    public async Task CancellingTheReadEndsIt()
    {
        using var queue = Open();
        using var cancel = new CancellationTokenSource();
        await using var reader = queue.ReadAllAsync(cancel.Token).GetAsyncEnumerator();
        await TakeAsync(reader, 1);

        var waiting = reader.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
