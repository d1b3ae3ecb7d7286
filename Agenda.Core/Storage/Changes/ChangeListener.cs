using System.Threading.Channels;
using Agenda.Core.Instances;
using Agenda.Core.Storage.Providers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// Hears the other instances' writes: one dedicated PostgreSQL session (outside the pool) that LISTENs on
/// <see cref="ChangeNotice.Channel"/> for as long as the host runs, handing each notice to <see cref="RemoteChanges"/>.
/// When the session drops (the server restarts, an administrator ends it) it connects again, backing off from
/// <see cref="FirstRetry"/> to <see cref="LongestRetry"/>; notices sent meanwhile are lost, so every time LISTEN takes
/// effect the pages are told to reload (a resync), which covers anything committed before it.
/// </summary>
internal sealed class ChangeListener(
    StorageProvider storage, AgendaInstance instance, RemoteChanges remote, ChangeFeedStatus status, ILogger<ChangeListener> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    // A session that hears nothing for this long sends a query, so a dead server or network is noticed, not waited on.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    // Unbounded: notices are small and come no faster than commits; the publisher reads the contacts they name.
    private readonly Channel<string?> _heard = Channel.CreateUnbounded<string?>(new() { SingleReader = true, SingleWriter = true });

    /// <summary>The session's application_name, which shows it in pg_stat_activity (and lets the tests end it).</summary>
    public static string ApplicationName(AgendaInstance instance) => $"agenda changes {instance.Id}";

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var publishing = remote.RunAsync(_heard.Reader, stopping);
        try { await ListenAsync(stopping); }
        finally { _heard.Writer.TryComplete(); }
        try { await publishing; }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        var retry = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var session = new NpgsqlConnection(SessionConnectionString());
                session.Notification += (_, e) => _heard.Writer.TryWrite(e.Payload);
                await session.OpenAsync(stopping);
                if (status.Current.State == ChangeFeedState.Connecting) await remote.WarmUpAsync(stopping); // before it reports listening
                await RunAsync(session, $"LISTEN {ChangeNotice.Channel}", stopping);
                status.Set(ChangeFeedState.Listening);
                _heard.Writer.TryWrite(null); // after LISTEN: the reload sees all that was committed before it
                logger.LogInformation("Listening for other instances' changes as {Instance}", instance.Id);
                retry = FirstRetry;
                while (true)
                {
                    if (!await session.WaitAsync(Quiet, stopping)) await RunAsync(session, "SELECT 1", stopping);
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // Most often the server restarted, which ended every session: the pool's idle connections are dead
                // too, and each would fail its next caller once. Closing them now spares the callers.
                if (status.Current.State == ChangeFeedState.Listening) ClearWritersPool();
                var state = status.Current.State == ChangeFeedState.Connecting ? ChangeFeedState.Connecting : ChangeFeedState.Reconnecting;
                status.Set(state, e.Message);
                logger.LogWarning("Not hearing other instances' changes ({Problem}); connecting again in {Delay} ms", e.Message, retry.TotalMilliseconds);
                try { await Task.Delay(retry, stopping); }
                catch (OperationCanceledException) { return; }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
            catch (OperationCanceledException) { return; }
        }
    }

    private string SessionConnectionString() => new NpgsqlConnectionStringBuilder(storage.ConnectionString)
    {
        Pooling = false, // its own session, closed for real when it breaks, never handed to a writer
        ApplicationName = ApplicationName(instance),
    }.ConnectionString;

    private void ClearWritersPool()
    {
        using var pooled = new NpgsqlConnection(storage.ConnectionString); // names the pool; never opened
        NpgsqlConnection.ClearPool(pooled);
    }

    private static async Task RunAsync(NpgsqlConnection session, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, session);
        await command.ExecuteNonQueryAsync(ct);
    }
}
