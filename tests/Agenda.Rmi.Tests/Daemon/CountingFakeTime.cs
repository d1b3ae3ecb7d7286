using Microsoft.Extensions.Time.Testing;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>
/// A fake clock that counts the timers created on it, so a test can wait until the daemon has armed a timeout before
/// moving time past it (advancing first would leave the timer due after the new "now").
/// </summary>
internal sealed class CountingFakeTime : FakeTimeProvider
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }
}
