using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Naming;

/// <summary>
/// The shared name server's two tables, on PostgreSQL only (with SQLite one process owns the database, and its name
/// server stays in memory):
/// <code>
/// Instances          Id (name and a random suffix, new each start) · Name (unique) · NameServerUri · DaemonUri · StartedAt · RenewedAt
///                    · LeaseExpiresAt (indexed: the sweep deletes the lapsed)
/// NameRegistrations  Name (key) · Uri · Metadata (text[], GIN: metadata_all is @>, metadata_any is &amp;&amp;)
///                    · OwnerId (→ Instances, ON DELETE CASCADE; null for clients' registrations) · RegisteredAt
///                    · Position (identity: listing order)
/// </code>
/// </summary>
internal static class NamingModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<InstanceRow>(e =>
        {
            e.ToTable("Instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.HasIndex(i => i.Name).IsUnique();
            e.HasIndex(i => i.LeaseExpiresAt);
        });
        model.Entity<SharedNameRow>(e =>
        {
            e.ToTable("NameRegistrations");
            e.HasKey(r => r.Name);
            e.Property(r => r.Position).UseIdentityByDefaultColumn();
            e.HasIndex(r => r.Metadata).HasMethod("gin");
            e.HasIndex(r => r.OwnerId);
            e.HasOne(r => r.Owner).WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
