using Agenda.Core.Storage.Providers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Core.Accounts;

/// <summary>
/// On PostgreSQL, the ASP.NET Core Data Protection key ring that protects sign-in cookies and antiforgery tokens lives in
/// the shared database (table <c>DataProtectionKeys</c>) under one application name, so a cookie or form token one
/// instance issued is accepted by every other, behind any load balancer. On SQLite nothing here is used: one process
/// owns the file, and keeps ASP.NET Core's default ring (the user profile's <c>~/.aspnet/DataProtection-Keys</c>).
/// The keys are stored as ASP.NET Core writes them, unencrypted: whoever can read the database can forge cookies.
/// </summary>
internal static class SharedKeyRing
{
    /// <summary>The same on every instance: Data Protection isolates applications by name, by default their content root.</summary>
    public const string ApplicationName = "Agenda";

    public static void Configure(ModelBuilder model) => model.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");

    public static void Add(IServiceCollection services)
    {
        // The repository asks a scope for the context; the store itself only ever uses the pooled factory.
        services.TryAddScoped(s => s.GetRequiredService<IDbContextFactory<PostgresAgendaDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<PostgresAgendaDbContext>();
    }

    /// <summary>
    /// Makes sure the ring has a key, making one if it is empty. Called under the migration lock: instances starting
    /// together on a new database would otherwise each make a key of their own, and one that read the ring before
    /// another's key was stored would refuse that instance's cookies until it reads the ring again, up to a day later.
    /// </summary>
    public static void EnsureKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(SharedKeyRing)).Protect([1]);
}
