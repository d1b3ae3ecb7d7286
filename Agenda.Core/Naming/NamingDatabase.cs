using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Agenda.Core.Naming;

/// <summary>Runs one piece of the shared name server's SQL on a pooled context, turning "no answer" into one exception type.</summary>
internal static class NamingDatabase
{
    /// <exception cref="SharedNamesUnavailableException">The database did not answer, or refused the statement.</exception>
    public static async Task<T> RunAsync<T>(this IDbContextFactory<PostgresAgendaDbContext> contexts, string what,
        Func<PostgresAgendaDbContext, Task<T>> work)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await work(db);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or DbUpdateException
                                      or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new SharedNamesUnavailableException($"The shared name server's database did not answer while {what}: {e.Message}", e);
        }
    }
}
