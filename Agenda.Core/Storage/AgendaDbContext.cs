using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Agenda.Core.Storage;

/// <summary>
/// The one database: contacts, and the accounts and access tokens of the people who may use them. The model every
/// provider shares; each provider's subclass (<see cref="Providers.SqliteAgendaDbContext"/>,
/// <see cref="Providers.PostgresAgendaDbContext"/>) owns its migrations and adds what only it has.
/// </summary>
internal abstract class AgendaDbContext(DbContextOptions options) : IdentityDbContext<AgendaUser>(options)
{
    public const string ContactIdCounter = "contacts";

    public DbSet<ContactRow> Contacts => Set<ContactRow>();
    public DbSet<IdCounter> IdCounters => Set<IdCounter>();
    public DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model); // Identity's users, roles, claims and logins
        // SQLite hands DateTime back with Kind=Unspecified; everything stored is UTC.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

        model.Entity<ContactRow>(e =>
        {
            e.ToTable("Contacts");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.CreatedAt).HasConversion(utc);
            e.Property(c => c.UpdatedAt).HasConversion(utc);
            e.HasIndex(c => c.Uid).IsUnique();
        });
        model.Entity<IdCounter>(e =>
        {
            e.HasKey(c => c.Name);
            // Kept as in the migrations. Ids are taken by one atomic UPDATE (ContactIds), which needs no token to be safe.
            e.Property(c => c.Next).IsConcurrencyToken();
            e.HasData(new IdCounter { Name = ContactIdCounter, Next = 0 });
        });
        model.Entity<AccessTokenRow>(e =>
        {
            e.ToTable("AccessTokens");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.UserId);
            e.HasOne<AgendaUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(t => t.CreatedAt).HasConversion(utc);
            e.Property(t => t.ExpiresAt).HasConversion(utc);
            e.Property(t => t.LastUsedAt).HasConversion(utc);
            e.Property(t => t.RevokedAt).HasConversion(utc);
        });
    }
}
