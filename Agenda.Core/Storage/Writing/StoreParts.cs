using Agenda.Core.Storage.Changes;
using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>What the writer needs from the store: the database and its provider, the cache of committed contacts, who to tell, the clock.</summary>
internal sealed record StoreParts(
    IDbContextFactory<AgendaDbContext> Contexts, StorageProvider Storage, ContactCache Cache, IChangeAnnouncer Announcer, TimeProvider Clock)
{
    /// <summary>The time a write stamps, in whole microseconds: what PostgreSQL keeps, so a contact read back equals the one the write returned.</summary>
    public DateTime Now()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>The contact that has <paramref name="uid"/> now, read outside any batch (after a batch failed).</summary>
    public async Task<long?> UidOwnerAsync(string uid, CancellationToken ct)
    {
        await using var db = await Contexts.CreateDbContextAsync(ct);
        return await db.Contacts.Where(c => c.Uid == uid).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The stored version of contact <paramref name="id"/> now, or null when there is none.</summary>
    public async Task<long?> VersionAsync(long id, CancellationToken ct)
    {
        await using var db = await Contexts.CreateDbContextAsync(ct);
        return await db.Contacts.Where(c => c.Id == id).Select(c => (long?)c.Version).FirstOrDefaultAsync(ct);
    }
}
