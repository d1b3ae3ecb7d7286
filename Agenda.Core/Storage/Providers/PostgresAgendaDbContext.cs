using Agenda.Core.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// The shared model on PostgreSQL, with the migrations in <c>Migrations/Postgres</c>, plus what only PostgreSQL has:
/// GIN trigram indexes (<c>pg_trgm</c>) on the search columns, which answer <c>LIKE '%term%'</c> as SQLite's FTS5
/// trigram table answers MATCH; the shared name server's tables (<see cref="Naming.NamingModel"/>); and the sign-in
/// cookies' key ring every instance shares (<see cref="SharedKeyRing"/>).
/// </summary>
internal sealed class PostgresAgendaDbContext(DbContextOptions<PostgresAgendaDbContext> options) : AgendaDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.HasPostgresExtension("pg_trgm");
        model.Entity<ContactRow>(e =>
        {
            e.HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(c => c.PhoneDigits).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        Naming.NamingModel.Configure(model); // several instances share one name server: its tables
        SharedKeyRing.Configure(model); // and one key ring, so each accepts the others' cookies
    }
}
