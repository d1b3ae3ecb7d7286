using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Copies the WAL into the database file in the background, so no write waits for it. Left to itself, SQLite copies it
/// inside whichever commit grows the WAL past 1,000 pages, and that commit (with every write of its batch) waits for
/// the copy and its fsyncs: tens of milliseconds on a virtual disk. So every connection opens with
/// <c>wal_autocheckpoint=0</c>, and after each batch commits the writer asks for a checkpoint here, which starts when
/// none is running and the last one started at least <see cref="Interval"/> ago.
/// </summary>
/// <remarks>
/// A PASSIVE checkpoint never blocks the writer, but writes that never pause can outrun it: the WAL restarts from its
/// beginning only when all of it has been copied. So once a checkpoint finds more than <see cref="LargeWal"/> pages,
/// the writer itself runs the next one between two batches (as SQLite would have), which copies what is left and lets
/// the next batch restart the WAL. With <c>Synchronous=Normal</c> a checkpoint is also when the WAL reaches the disk:
/// what a power cut can lose is what was committed since the last one began.
/// </remarks>
internal sealed class SqliteCheckpoints(string connectionString, SqliteSynchronous synchronous)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>WAL pages (4 KiB each) beyond which the writer checkpoints itself.</summary>
    public const long LargeWal = 8_192;

    private Task _running = Task.CompletedTask;
    private long _lastStarted;
    private long _walPages;

    /// <summary>Called by the writer after each commit, so by one thread at a time.</summary>
    public void AfterCommit()
    {
        if (!_running.IsCompleted) return;
        if (Interlocked.Read(ref _walPages) > LargeWal)
        {
            Interlocked.Exchange(ref _walPages, 0);
            _running = CheckpointAsync(); // on the writer's thread: in-process, it completes before the next batch
            _running.GetAwaiter().GetResult();
            return;
        }
        if (Stopwatch.GetElapsedTime(_lastStarted) < Interval) return;
        _lastStarted = Stopwatch.GetTimestamp();
        _running = Task.Run(CheckpointAsync);
    }

    /// <summary>Completes when no checkpoint is running.</summary>
    public Task QuietAsync() => _running;

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteSynchronousSetting.Pragma(synchronous) + " PRAGMA wal_checkpoint(PASSIVE);";
            await using var result = await command.ExecuteReaderAsync();
            await result.ReadAsync(); // busy, pages in the WAL, pages copied
            Interlocked.Exchange(ref _walPages, result.GetInt64(1));
        }
        catch (SqliteException) { } // the file is busy or gone (the store closing): the next commit asks again
    }
}
