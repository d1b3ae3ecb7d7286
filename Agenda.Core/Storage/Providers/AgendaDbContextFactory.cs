using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Hands out the configured provider's context as the shared <see cref="AgendaDbContext"/>, so the store, Identity and
/// the access tokens ask for <c>IDbContextFactory&lt;AgendaDbContext&gt;</c> whichever database is behind it.
/// </summary>
internal sealed class AgendaDbContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<AgendaDbContext>
    where TContext : AgendaDbContext
{
    public AgendaDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<AgendaDbContext> CreateDbContextAsync(CancellationToken ct = default) =>
        await contexts.CreateDbContextAsync(ct);
}
