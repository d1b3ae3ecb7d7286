using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Agenda.Core.Storage;

internal sealed class AgendaDbContext(DbContextOptions<AgendaDbContext> options) : DbContext(options)
{
    public const string ContactIdCounter = "contacts";

    public DbSet<ContactRow> Contacts => Set<ContactRow>();
    public DbSet<IdCounter> IdCounters => Set<IdCounter>();

    protected override void OnModelCreating(ModelBuilder model)
    {
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
        });
        model.Entity<IdCounter>(e =>
        {
            e.HasKey(c => c.Name);
            e.Property(c => c.Next).IsConcurrencyToken(); // a second process allocating the same id fails instead of colliding
            e.HasData(new IdCounter { Name = ContactIdCounter, Next = 0 });
        });
    }
}
