using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every connection as it opens: unlike the journal mode it is not kept in the file,
/// and Microsoft.Data.Sqlite has no connection-string keyword for it. An in-process statement, a few microseconds.
/// </summary>
internal sealed class SqliteSynchronousInterceptor(SqliteSynchronous mode) : DbConnectionInterceptor
{
    private readonly string _pragma = SqliteSynchronousSetting.Pragma(mode);

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
