using Agenda.Core.Contacts;
using Agenda.Core.Instances;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// PostgreSQL: <c>pg_notify</c> in the write's transaction, which the server delivers to every listening session at
/// commit. One statement for all of a batch's notices: an import of 10,000 contacts sends a few notices (ids grouped
/// as ranges, <see cref="ChangeNotice.MaxIds"/> at most), not 10,000; each notice stays under pg_notify's 8,000 bytes.
/// </summary>
internal sealed class PgNotifyAnnouncer(AgendaInstance instance) : IChangeAnnouncer
{
    public bool Announces => true;

    public async Task AnnounceAsync(AgendaDbContext db, IReadOnlyCollection<ContactChange> changes, CancellationToken ct)
    {
        var payloads = Notices(changes).Select(n => n.ToPayload()).ToArray();
        if (payloads.Length == 0) return;
        // unnest keeps the array's order, and PostgreSQL delivers a transaction's notices in the order they were sent.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_notify({ChangeNotice.Channel}, payload) FROM unnest({payloads}) AS payload", ct);
    }

    /// <summary>
    /// A notice per run of consecutive changes with one kind, door and who: an import's 10,000 are a few notices, and a
    /// batch of writes from several clients keeps its commit order, in which the other instances publish them.
    /// </summary>
    private IEnumerable<ChangeNotice> Notices(IReadOnlyCollection<ContactChange> changes)
    {
        foreach (var run in Runs(changes))
        {
            var (first, who) = (run[0], ChangeNotice.ShortWho(run[0].Who));
            if (run.Count == 1)
            {
                yield return new ChangeNotice(instance.Id, first.Kind, ContactIdRanges.Format([new(first.ContactId, first.ContactId)]), first.Version, first.Door, who);
                continue;
            }
            foreach (var ranges in ContactIdRanges.Groups(run.Select(c => c.ContactId), ChangeNotice.MaxIds, ChangeNotice.MaxIdsText))
                yield return new ChangeNotice(instance.Id, first.Kind, ContactIdRanges.Format(ranges), null, first.Door, who);
        }
    }

    private static IEnumerable<List<ContactChange>> Runs(IEnumerable<ContactChange> changes)
    {
        var run = new List<ContactChange>();
        foreach (var change in changes)
        {
            if (run.Count > 0 && (run[0].Kind, run[0].Door, run[0].Who) != (change.Kind, change.Door, change.Who))
            {
                yield return run;
                run = [];
            }
            run.Add(change);
        }
        if (run.Count > 0) yield return run;
    }
}
