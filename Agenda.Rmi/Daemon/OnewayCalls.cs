using Agenda.Rmi.Serialization;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// The oneway calls of one connection (§3.5). Each runs beside the connection's loop, so the loop can read the next
/// message at once, but only <c>limit</c> run at a time: when all slots are busy, <see cref="StartAsync"/> waits, the
/// loop stops reading, and TCP back-pressure slows the flooding client itself rather than the server queueing work
/// without end. Failures have no caller to go to, so they are logged. Used by the connection's loop only.
/// </summary>
internal sealed partial class OnewayCalls(int limit, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(limit, limit);
    private readonly List<Task> _running = [];

    /// <summary>Starts <paramref name="run"/> once a slot is free; returns when it has started, not when it ends.</summary>
    public async Task StartAsync(PyroCall call, Func<Task> run, CancellationToken cancellation)
    {
        await _slots.WaitAsync(cancellation);
        _running.RemoveAll(task => task.IsCompleted);
        _running.Add(Task.Run(() => RunAsync(call, run)));
    }

    private async Task RunAsync(PyroCall call, Func<Task> run)
    {
        try { await run(); }
        catch (Exception e) { Log.OnewayFailed(logger, e, call.ObjectId, call.Method); }
        finally { _slots.Release(); }
    }

    /// <summary>
    /// Waits for the calls still running. The connection keeps its place under the connection limit until they end,
    /// so reconnecting cannot shed the limit. They never throw: <see cref="RunAsync"/> catches everything.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_running);
        _slots.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Pyro oneway call {Method} on {ObjectId} failed")]
        public static partial void OnewayFailed(ILogger logger, Exception exception, string objectId, string method);
    }
}
