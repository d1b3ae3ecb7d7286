namespace Agenda.Core.Storage;

/// <summary>
/// Where this process's writes wait their turn. With SQLite, one at a time: the file has a single writer, and queueing
/// here avoids busy-retry storms when many clients insert at once. With PostgreSQL, no waiting here: other instances
/// write too, so the database's row locks and version checks must order writes anyway, and they order this
/// process's as well.
/// </summary>
internal sealed class WriteGate(bool oneAtATime)
{
    private readonly SemaphoreSlim? _turn = oneAtATime ? new(1, 1) : null;

    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_turn is not null) await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    /// <summary>Ends the turn when disposed.</summary>
    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
