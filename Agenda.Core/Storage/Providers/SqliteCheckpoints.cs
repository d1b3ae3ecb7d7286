using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// Copies the WAL into the database file in the background, so no write waits for it. Left to itself, SQLite copies it
/// inside whichever commit grows the WAL past 1,000 pages, and that commit (with every write of its batch) waits for
/// the copy and its fsyncs: tens of milliseconds on a virtual disk. So every connection opens with
/// <c>wal_autocheckpoint=0</c>, and after each batch commits the writer tells this class, which checkpoints at most
/// once per <see cref="Interval"/> and always within one interval of the last commit.
/// </summary>
/// <remarks>
/// A PASSIVE checkpoint never blocks the writer, but writes that never pause can outrun it: the WAL restarts from its
/// beginning only when all of it has been copied. So once a checkpoint finds more than <see cref="LargeWal"/> pages,
/// the writer itself runs the next one between two batches (as SQLite would have), which copies what is left and lets
/// the next batch restart the WAL. With <c>Synchronous=Normal</c> a checkpoint is also when the WAL reaches the disk:
/// what a power cut can lose is what was committed in about the last <see cref="Interval"/>.
/// </remarks>
internal sealed class SqliteCheckpoints(string connectionString, SqliteSynchronous synchronous)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>WAL pages (4 KiB each) beyond which the writer checkpoints itself.</summary>
    public const long LargeWal = 8_192;

    private readonly Lock _gate = new();
    private bool _committedSince; // a commit the running loop has not checkpointed yet
    private bool _looping;        // the background loop runs (or waits for its interval)
    private bool _checkpointing;  // a checkpoint runs: at most one at a time, or the second would wait on the first
    private readonly CancellationTokenSource _closing = new();
    private Task _loop = Task.CompletedTask;
    private long _lastStarted;
    private long _walPages;

    /// <summary>Called by the writer after each commit.</summary>
    public void AfterCommit()
    {
        if (Interlocked.Read(ref _walPages) > LargeWal && TryBegin())
            Run(() => CheckpointAsync().GetAwaiter().GetResult()); // in-process: it completes before the next batch
        lock (_gate)
        {
            _committedSince = true;
            if (_looping) return;
            _looping = true;
        }
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// The store is closing: stops waiting for the next interval, and completes when no checkpoint runs. SQLite
    /// checkpoints by itself when the file's last connection closes.
    /// </summary>
    public async Task StopAsync()
    {
        await _closing.CancelAsync();
        await _loop;
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!_committedSince) { _looping = false; return; }
                _committedSince = false;
            }
            var wait = Interval - Stopwatch.GetElapsedTime(_lastStarted);
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, _closing.Token); }
                catch (OperationCanceledException) { lock (_gate) _looping = false; return; }
            }
            _lastStarted = Stopwatch.GetTimestamp();
            if (TryBegin()) await RunAsync(CheckpointAsync);
            else lock (_gate) _committedSince = true; // the writer is checkpointing: once more, after the interval
        }
    }

    private bool TryBegin()
    {
        lock (_gate) return !_checkpointing && (_checkpointing = true);
    }

    private void Run(Action checkpoint)
    {
        try { checkpoint(); }
        finally { lock (_gate) _checkpointing = false; }
    }

    private async Task RunAsync(Func<Task> checkpoint)
    {
        try { await checkpoint(); }
        finally { lock (_gate) _checkpointing = false; }
    }

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
