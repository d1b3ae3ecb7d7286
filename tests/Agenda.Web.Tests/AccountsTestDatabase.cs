using Agenda.Core.Accounts;
using Agenda.Core.Storage;
using Agenda.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests;

/// <summary>
/// A fresh SQLite file in its own folder, with the services the app registers over it when sign-in is on: the contact
/// store and Identity's accounts with the app's rules (no cookie: component tests stand in for the sign-in).
/// </summary>
internal sealed class AccountsTestDatabase
{
    public AccountsTestDatabase(string purpose)
    {
        Directory = Path.Combine(Path.GetTempPath(), purpose, Guid.NewGuid().ToString("n"));
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = $"Data Source={Path.Combine(Directory, "agenda.db")}",
        }).Build();
    }

    public string Directory { get; }

    public IConfiguration Configuration { get; }

    public void AddTo(IServiceCollection services, TimeProvider clock)
    {
        services.AddSingleton(clock);
        services.AddContactStore(Configuration);
        services.AddIdentityCore<AgendaUser>(AccountRules.Apply).AddRoles<IdentityRole>().AddAgendaAccountStores();
    }

    /// <summary>After the services are disposed: SQLite's pooled connections hold the file until they are cleared.</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { } // already gone, or still held by a process the test started: the temp folder keeps it
    }
}
