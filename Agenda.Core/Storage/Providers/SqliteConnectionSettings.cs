using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every connection as it opens (unlike the journal mode it is not kept in the file,
/// and Microsoft.Data.Sqlite has no connection-string keyword for it), and turns off the checkpoints a commit would
/// otherwise run itself: <see cref="SqliteCheckpoints"/> runs them beside the writer. In-process, a few microseconds.
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteSynchronous mode) : DbConnectionInterceptor
{
    private readonly string _pragma = SqliteSynchronousSetting.Pragma(mode) + " PRAGMA wal_autocheckpoint = 0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
