using Agenda.Rmi.Capture;
using Agenda.Web.Components.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

public class WireRefreshTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider _time = new();

    private WireCapture NewCapture() => new(new WireCaptureOptions { Enabled = true }, _time);

    [Fact]
    public void AThousandMessagesBetweenTwoTicksCostOneReload()
    {
        var capture = NewCapture();
        var reloads = 0;
        using var refresh = new WireRefresh(capture, _time, Period, () => { reloads++; return Task.CompletedTask; });
        var trace = WireTraffic.Open(capture, "objects", 50000);

        for (var i = 0; i < 1000; i++) trace.Send(WireDirection.FromClient, GoldenMessages.Invoke);
        Assert.Equal(0, reloads);
        _time.Advance(Period);
        Assert.Equal(1, reloads);

        _time.Advance(Period * 10);
        Assert.Equal(1, reloads); // nothing changed since
    }

    [Fact]
    public void TicksWhileAReloadIsStillRunningAreSkippedNotQueued()
    {
        var capture = NewCapture();
        var reloads = 0;
        var slow = new TaskCompletionSource();
        using var refresh = new WireRefresh(capture, _time, Period, () => { reloads++; return slow.Task; });

        for (var i = 0; i < 5; i++)
        {
            capture.Start();
            _time.Advance(Period);
        }
        Assert.Equal(1, reloads);

        slow.SetResult();
        capture.Stop();
        _time.Advance(Period);
        Assert.Equal(2, reloads);
    }

    [Fact]
    public void NoReloadHappensAfterDispose()
    {
        var capture = NewCapture();
        var reloads = 0;
        var refresh = new WireRefresh(capture, _time, Period, () => { reloads++; return Task.CompletedTask; });

        refresh.Dispose();
        capture.Clear();
        _time.Advance(Period * 3);

        Assert.Equal(0, reloads);
    }
}
