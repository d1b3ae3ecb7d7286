using Agenda.Core.Contacts;
using Agenda.Core.Instances;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// PostgreSQL: <c>pg_notify</c> in the write's transaction, which the server delivers to every listening session at
/// commit. One statement for all of a write's notices: an import of 10,000 contacts sends a few notices (ids grouped
/// as ranges, <see cref="ChangeNotice.MaxIds"/> at most), not 10,000.
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

    private IEnumerable<ChangeNotice> Notices(IReadOnlyCollection<ContactChange> changes)
    {
        // A write has one origin; grouping by it as well keeps this correct for any caller.
        foreach (var group in changes.GroupBy(c => (c.Kind, c.Door, c.Who)))
        {
            var who = ChangeNotice.ShortWho(group.Key.Who);
            if (group.Count() == 1)
            {
                var change = group.Single();
                yield return new ChangeNotice(instance.Id, change.Kind, ContactIdRanges.Format([new(change.ContactId, change.ContactId)]), change.Version, change.Door, who);
                continue;
            }
            foreach (var ranges in ContactIdRanges.Groups(group.Select(c => c.ContactId), ChangeNotice.MaxIds, ChangeNotice.MaxIdsText))
                yield return new ChangeNotice(instance.Id, group.Key.Kind, ContactIdRanges.Format(ranges), null, group.Key.Door, who);
        }
    }
}
