using Agenda.Rmi.Capture;

namespace Agenda.Web.Components.Wire;

/// <summary>
/// Batches the capture's changes for a page: a timer looks at <see cref="WireCapture.Version"/> every period and
/// reloads only when it moved and no reload is still running. Ten thousand calls a second thus cost a few reloads a
/// second, never one per message, and a slow circuit skips ticks instead of queueing them.
/// </summary>
public sealed class WireRefresh : IDisposable
{
    private readonly WireCapture _capture;
    private readonly Func<Task> _reload;
    private readonly ITimer _timer;
    private long _seen;
    private int _busy;

    public WireRefresh(WireCapture capture, TimeProvider time, TimeSpan period, Func<Task> reload)
    {
        (_capture, _reload, _seen) = (capture, reload, capture.Version);
        _timer = time.CreateTimer(_ => Tick(), null, period, period);
    }

    private void Tick()
    {
        // The version is read before the reload reads the capture, so a change made meanwhile is seen next tick.
        var version = _capture.Version;
        if (version == Interlocked.Read(ref _seen) || Interlocked.Exchange(ref _busy, 1) == 1) return;
        Interlocked.Exchange(ref _seen, version);
        _ = ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try { await _reload(); }
        finally { Volatile.Write(ref _busy, 0); }
    }

    public void Dispose() => _timer.Dispose();
}
