using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Agenda.Core.Storage.Providers;

// Let `dotnet ef migrations add NAME --context SqliteAgendaDbContext|PostgresAgendaDbContext` build each provider's
// model without starting the web app. Neither connects: adding a migration only compares models.

internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteAgendaDbContext>
{
    public SqliteAgendaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAgendaDbContext>().UseSqlite(StorageOptions.DefaultConnectionString).Options);
}

internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresAgendaDbContext>
{
    public PostgresAgendaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAgendaDbContext>().UseNpgsql("Host=localhost;Database=agenda").Options);
}
