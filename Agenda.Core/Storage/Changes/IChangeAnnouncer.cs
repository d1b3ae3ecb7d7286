using Agenda.Core.Contacts;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// Tells the other instances on the database about a write, from inside the write's own transaction, so they hear of
/// it exactly when it commits: not before (a rolled-back write is never announced), and not never (a process that
/// dies right after its commit has announced it already, since the notice is part of what was committed).
/// </summary>
internal interface IChangeAnnouncer
{
    /// <summary>False when there is nobody to tell (SQLite: one process); writes then need no transaction for it.</summary>
    bool Announces { get; }

    /// <summary>Queues the notices in <paramref name="db"/>'s current transaction, which the caller then commits.</summary>
    Task AnnounceAsync(AgendaDbContext db, IReadOnlyCollection<ContactChange> changes, CancellationToken ct);
}

/// <summary>SQLite: one process per database file, whose own notifier already told everyone who is listening.</summary>
internal sealed class NobodyToTell : IChangeAnnouncer
{
    public bool Announces => false;

    public Task AnnounceAsync(AgendaDbContext db, IReadOnlyCollection<ContactChange> changes, CancellationToken ct) => Task.CompletedTask;
}
