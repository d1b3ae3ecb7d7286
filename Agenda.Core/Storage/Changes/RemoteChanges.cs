using System.Threading.Channels;
using Agenda.Core.Contacts;
using Agenda.Core.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// Turns what the <see cref="ChangeListener"/> heard into <see cref="ContactChange"/>s on this process's notifier, as
/// if the write had been made here: the pages' live updates need nothing else. Skips this instance's own notices (the
/// store published those already), and reads each changed contact from the database, in order, one notice at a time.
/// </summary>
internal sealed class RemoteChanges(
    IDbContextFactory<AgendaDbContext> contexts, ContactChangeNotifier notifier, AgendaInstance instance, ILogger<RemoteChanges> logger)
{
    // A notice is read again after a failed load (the server restarting); after that, pages reload whatever happened.
    private const int Attempts = 4;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);

    // Contacts read per query while publishing a batch.
    private const int ContactsPerQuery = 1_000;

    private readonly Func<AgendaDbContext, long[], IAsyncEnumerable<ContactRow>> _byIds = EF.CompileAsyncQuery<AgendaDbContext, long[], ContactRow>(
        (AgendaDbContext db, long[] ids) => db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id));

    /// <summary>Publishes each payload in turn; null means "events may have been missed", a resync.</summary>
    public async Task RunAsync(ChannelReader<string?> heard, CancellationToken stopping)
    {
        await foreach (var payload in heard.ReadAllAsync(stopping))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await PublishAsync(payload, stopping);
                    break;
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    if (attempt == Attempts)
                    {
                        logger.LogWarning(e, "Could not read the contacts of a change notice ({Payload}); pages reload instead", payload);
                        await notifier.PublishAsync(ContactChange.Resync);
                        break;
                    }
                    await Task.Delay(FirstRetry * (1 << (attempt - 1)), stopping);
                }
            }
        }
    }

    public async Task PublishAsync(string? payload, CancellationToken ct)
    {
        if (payload is null || ChangeNotice.TryRead(payload) is not { } notice)
        {
            if (payload is not null) logger.LogWarning("Not a change notice on {Channel}, pages reload: {Payload}", ChangeNotice.Channel, payload);
            await notifier.PublishAsync(ContactChange.Resync);
            return;
        }
        if (notice.From == instance.Id) return;
        var ranges = notice.Ranges;
        if (ranges.Sum(r => r.Count) > ChangeNotice.MaxIds)
        {
            logger.LogWarning("A change notice names more than {Max} contacts, pages reload: {Payload}", ChangeNotice.MaxIds, payload);
            await notifier.PublishAsync(ContactChange.Resync);
            return;
        }
        var ids = ranges.SelectMany(r => Enumerable.Range(0, (int)r.Count).Select(i => r.First + i));
        if (notice.Kind == ChangeKind.Deleted)
        {
            foreach (var id in ids)
                await notifier.PublishAsync(new ContactChange(id, ChangeKind.Deleted, notice.Version ?? 0, notice.Door, null, notice.Who));
            return;
        }
        // The contacts as they are now: a later write may show in them already (its own notice follows), and one
        // deleted since is left out (its delete's notice follows). The version is the one this write made, when known.
        foreach (var chunk in ids.Chunk(ContactsPerQuery))
        {
            foreach (var contact in await LoadAsync(chunk, ct))
                await notifier.PublishAsync(new ContactChange(contact.Id, notice.Kind, notice.Version ?? contact.Version, notice.Door, contact, notice.Who));
        }
    }

    /// <summary>
    /// Reads nothing, to compile the query and open a connection before the first notice: compiling on a busy machine
    /// can take most of the second within which another instance's write should reach the pages.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken ct) => await LoadAsync([], ct);

    private async Task<List<Contact>> LoadAsync(long[] ids, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contacts = new List<Contact>(ids.Length);
        await foreach (var row in _byIds(db, ids).WithCancellation(ct)) contacts.Add(row.ToContact());
        return contacts;
    }
}
