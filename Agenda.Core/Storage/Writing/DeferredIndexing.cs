using System.Threading.Channels;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// When the writer runs the index work its provider keeps out of each commit (SQLite's search index,
/// <see cref="Providers.SqliteSearchIndex"/>): after a batch, once the provider says enough waits; and while no write
/// has come for <see cref="IdleBeforeIndexing"/>, a chunk at a time until a write arrives or nothing is left. The work
/// runs on the writer, so it never contends with a commit for SQLite's single write lock.
/// </summary>
internal sealed class DeferredIndexing(StoreParts parts)
{
    /// <summary>How long the writer waits with nothing to write before it indexes.</summary>
    public static readonly TimeSpan IdleBeforeIndexing = TimeSpan.FromMilliseconds(20);

    /// <summary>Called by the writer after each batch, its callers already on their way to being answered.</summary>
    public async Task AfterBatchAsync()
    {
        if (parts.Storage.IndexBehind(writerIdle: false)) await RunChunkAsync();
    }

    /// <summary>Waits for the next write as <see cref="ChannelReader{T}.WaitToReadAsync"/> does, indexing meanwhile when idle.</summary>
    public async ValueTask<bool> NextWriteAsync(ChannelReader<PendingWrite> reader)
    {
        var next = reader.WaitToReadAsync();
        if (next.IsCompleted || !parts.Storage.IndexBehind(writerIdle: true)) return await next;
        var waiting = next.AsTask();
        using var quiet = new CancellationTokenSource();
        // Forced to yield: the index work then runs on the thread pool, never inline on whichever thread completed the
        // timer (a test's thread advancing a fake clock).
        if (await Task.WhenAny(waiting, Task.Delay(IdleBeforeIndexing, parts.Clock, quiet.Token)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding) != waiting)
            while (!waiting.IsCompleted && parts.Storage.IndexBehind(writerIdle: true) && await RunChunkAsync()) { }
        await quiet.CancelAsync();
        return await waiting;
    }

    /// <summary>False when it failed: the writer then stops trying until its next batch or idle moment.</summary>
    private async Task<bool> RunChunkAsync()
    {
        try
        {
            await using var db = await parts.Contexts.CreateDbContextAsync();
            await parts.Storage.IndexChunkAsync(db, CancellationToken.None);
            return true;
        }
        catch (Exception)
        {
            // Whatever the cause (the database refused, the store is closing under it), the writer goes on: searches
            // read what is not indexed yet from the backlog, so nothing is missed, and the next batch or idle moment
            // tries again. A database that fails here fails the writes too, and they say so to their callers.
            return false;
        }
    }
}
