using Agenda.Web.Components.Contacts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// A burst of change events, as a Pyro client inserting in a loop or an import of thousands of cards publishes them:
/// a page refreshes at once after a quiet spell, then at most once per interval however many changes arrive, and its
/// refreshes never interleave with the loads the person asks for. Time is a fake clock, advanced by the tests.
/// </summary>
public sealed class ChangeBurstTests
{
    private readonly Dispatcher _circuit = Dispatcher.CreateDefault();
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task AThousandChangesInOneGoCostOneRefresh()
    {
        var refreshes = 0;
        using var gate = new RefreshGate(_clock, () => _circuit.InvokeAsync(() => refreshes++));

        // An import from this very circuit publishes its whole burst without leaving the dispatcher.
        await _circuit.InvokeAsync(() =>
        {
            for (var i = 0; i < 1000; i++) gate.Request();
            Assert.Equal(0, refreshes); // nothing refreshed while the burst was still arriving
        });

        await Eventually.TrueAsync(() => refreshes == 1, "one refresh");
        await _circuit.InvokeAsync(() => { }); // anything queued behind it has run
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task AChangeWithinTheIntervalWaitsForItAndChangesMeanwhileShareThatRefresh()
    {
        var refreshes = 0;
        using var gate = new RefreshGate(_clock, () => _circuit.InvokeAsync(() => refreshes++));
        gate.Request();
        await Eventually.TrueAsync(() => refreshes == 1, "the first change's refresh, at once");

        for (var i = 0; i < 10; i++) gate.Request();
        _clock.Advance(RefreshGate.Interval - TimeSpan.FromMilliseconds(1));
        await _circuit.InvokeAsync(() => Assert.Equal(1, refreshes));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => refreshes == 2, "the burst's one refresh, an interval after the first");
        _clock.Advance(RefreshGate.Interval * 3);
        await _circuit.InvokeAsync(() => Assert.Equal(2, refreshes));
    }

    [Fact]
    public async Task ALoadAskedForWaitsForTheRefreshInProgressAndAChangeDuringItBringsOneMore()
    {
        var log = new List<string>();
        var refreshing = new TaskCompletionSource();
        using var gate = new RefreshGate(_clock, () => _circuit.InvokeAsync(async () =>
        {
            log.Add("refresh");
            if (log.Count == 1) await refreshing.Task;
            log.Add("refreshed");
        }));
        gate.Request();
        await Eventually.TrueAsync(() => log.Contains("refresh"), "the refresh started");

        var load = _circuit.InvokeAsync(() => gate.RunNowAsync(() => { log.Add("load"); return Task.CompletedTask; }));
        gate.Request(); // a change heard while the refresh runs
        refreshing.SetResult();
        await load;
        _clock.Advance(RefreshGate.Interval);
        await Eventually.TrueAsync(() => log.Count == 5, () => string.Join(", ", log));

        Assert.Equal(["refresh", "refreshed", "load", "refresh", "refreshed"], log);
    }

    [Fact]
    public async Task AThousandMarksMadeTogetherExpireWithOneCall()
    {
        using var marks = new RecentChanges(_clock);
        var calls = new List<int>();
        marks.Expired = ids => { calls.Add(ids.Count); return Task.CompletedTask; };

        marks.Mark(Enumerable.Range(1, 1000).Select(id => ((long)id, new DoorMark(Core.Contacts.Door.Ui))));
        Assert.Equal(1000, marks.Of(Enumerable.Range(1, 1000).Select(id => (long)id)).Count);
        _clock.Advance(RecentChanges.Duration);

        await Eventually.TrueAsync(() => calls.Count == 1, "the marks expired");
        Assert.Empty(marks.Of(Enumerable.Range(1, 1000).Select(id => (long)id)));
        Assert.Equal([1000], calls);
    }

    [Fact]
    public async Task AContactMarkedAgainKeepsItsLaterMark()
    {
        using var marks = new RecentChanges(_clock);
        marks.Mark(7, new DoorMark(Core.Contacts.Door.Rmi));
        _clock.Advance(RecentChanges.Duration / 2);
        marks.Mark(7, new DoorMark(Core.Contacts.Door.Rest, "ana"));

        _clock.Advance(RecentChanges.Duration / 2);
        await Task.Yield();
        Assert.Equal(new DoorMark(Core.Contacts.Door.Rest, "ana"), marks.Of([7])[7]);
        _clock.Advance(RecentChanges.Duration / 2);
        await Eventually.TrueAsync(() => marks.Of([7]).Count == 0, "the later mark expired");
    }
}
