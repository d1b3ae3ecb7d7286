using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// One write waiting in the <see cref="WriteQueue"/>: what it asks, how it decides against the batch it lands in, and
/// how its caller is answered. Its life:
/// <code>
/// Waiting ──writer takes it──▶ Started ──its batch commits (or fails)──▶ answered, after its changes are published
///    └──caller cancels first──▶ Cancelled: answered as cancelled at once; the writer skips it
/// </code>
/// A write may be judged more than once (its batch failed at SaveChanges and it runs again alone), so everything it
/// decides is set afresh by each <see cref="DecideAsync"/>.
/// </summary>
internal abstract class PendingWrite(WriteOrigin origin)
{
    private const int Waiting = 0, Started = 1, Cancelled = 2;
    private int _state;

    public WriteOrigin Origin { get; } = origin;

    /// <summary>What the caller gets instead of a result: built when answering, since it may name an id taken only at the commit.</summary>
    protected Func<Exception>? Refusal { get; private set; }

    /// <summary>The changes this write made, as committed: published, announced and put in the cache in this order.</summary>
    public IReadOnlyList<ContactChange> Changes { get; private set; } = [];

    /// <summary>True for a write with a transaction of its own (an import): the writer never batches it with others.</summary>
    public virtual bool RunsAlone => false;

    /// <summary>The contact it changes, which its batch reads with the others' in one query.</summary>
    public virtual long? NamedId => null;

    /// <summary>The UID it stores, whose owner its batch looks up with the others' in one query.</summary>
    public virtual string? NamedUid => null;

    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Waiting) == Waiting;

    /// <summary>The caller gave up: true, and the caller is answered as cancelled, unless the writer took it already.</summary>
    public bool TryCancel(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) != Waiting) return false;
        AnswerCancelled(ct);
        return true;
    }

    /// <summary>Decides in memory, against what the writes before it in <paramref name="batch"/> decided.</summary>
    public ValueTask DecideAsync(WriteBatch batch, CancellationToken ct)
    {
        (Refusal, Changes) = (null, []);
        return JudgeAsync(batch, ct);
    }

    /// <summary>Called once the batch's rows are saved (new contacts have their ids): the changes to announce and publish.</summary>
    public IReadOnlyList<ContactChange> Seal() => Changes = Refusal is null ? Sealed() : [];

    /// <summary>Its batch failed for a reason that is no caller's mistake: the caller gets that exception.</summary>
    public void Fail(Exception failure)
    {
        Refuse(() => failure);
        Changes = []; // sealed, perhaps, but not committed: nothing to publish
    }

    /// <summary>
    /// Running alone, SaveChanges failed: true to run it again (another writer got there first and it named no version),
    /// otherwise it sets what the caller is told.
    /// </summary>
    public abstract Task<bool> RetryAfterAsync(DbUpdateException failure, int attempt, StoreParts parts, CancellationToken ct);

    /// <summary>Completes the caller's task with the result or the refusal.</summary>
    public abstract void Answer();

    protected abstract ValueTask JudgeAsync(WriteBatch batch, CancellationToken ct);

    protected abstract IReadOnlyList<ContactChange> Sealed();

    protected abstract void AnswerCancelled(CancellationToken ct);

    protected void Refuse(Func<Exception> refusal) => Refusal = refusal;

    protected static ContactValidationException UidTaken(long owner) => new(new Dictionary<string, string[]>
        { [nameof(ContactCard.Uid)] = [$"Contact {owner} already has this UID."] });
}

/// <summary>A write whose caller awaits a <typeparamref name="T"/>.</summary>
internal abstract class PendingWrite<T>(WriteOrigin origin) : PendingWrite(origin)
{
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Answered => _answer.Task;

    protected T? Result { get; set; }

    public override void Answer()
    {
        if (Refusal is { } refusal) _answer.TrySetException(refusal());
        else _answer.TrySetResult(Result!);
    }

    protected override void AnswerCancelled(CancellationToken ct) => _answer.TrySetCanceled(ct);
}
