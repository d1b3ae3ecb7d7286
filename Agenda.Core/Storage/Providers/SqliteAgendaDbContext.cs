using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// The shared model on SQLite, with the migrations in <c>Migrations/Sqlite</c>. Those keep the ids databases in the
/// field have in their <c>__EFMigrationsHistory</c>; only the context they name moved here.
/// </summary>
internal sealed class SqliteAgendaDbContext(DbContextOptions<SqliteAgendaDbContext> options) : AgendaDbContext(options);
