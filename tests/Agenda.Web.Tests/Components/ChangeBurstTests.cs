using Agenda.Web.Components.Contacts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// A burst of change events, as an import of thousands of cards publishes them, on a circuit's dispatcher: the page
/// reloads and re-renders a few times, not once per contact (10,000 loads held an import's page for minutes).
/// </summary>
public sealed class ChangeBurstTests
{
    private readonly Dispatcher _circuit = Dispatcher.CreateDefault();

    [Fact]
    public async Task AThousandEventsInOneGoCostOneLoadEvenWhenTheLoadFinishesSynchronously()
    {
        var gate = new RefreshGate();
        var loads = 0;

        await _circuit.InvokeAsync(async () =>
        {
            // SQLite's queries complete synchronously, as this load does.
            var burst = Enumerable.Range(0, 1000).Select(_ => gate.RunAfterBurstAsync(() => { loads++; return Task.CompletedTask; })).ToList();
            Assert.Equal(0, loads); // nothing loaded while the burst was still arriving
            await Task.WhenAll(burst);
        });

        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task ALoadAskedForDirectlyRunsAtOnce()
    {
        var gate = new RefreshGate();
        var loads = 0;

        // The first page, a filter or a move: shown in the same render, not one dispatcher turn later.
        await _circuit.InvokeAsync(() => Assert.True(gate.RunAsync(() => { loads++; return Task.CompletedTask; }).IsCompleted));

        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task AnEventDuringALoadBringsExactlyOneMoreLoad()
    {
        var gate = new RefreshGate();
        var loads = 0;
        var first = new TaskCompletionSource();

        await _circuit.InvokeAsync(async () =>
        {
            var running = gate.RunAfterBurstAsync(async () => { if (++loads == 1) await first.Task; });
            await Task.Yield(); // the gate's own yield, then the first load starts and waits
            var during = Enumerable.Range(0, 5).Select(_ => gate.RunAfterBurstAsync(() => Task.CompletedTask)).ToList();
            first.SetResult();
            await Task.WhenAll([running, .. during]);
        });

        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task AThousandMarksMadeTogetherExpireWithOneRerender()
    {
        var clock = new FakeTimeProvider();
        using var marks = new RecentChanges(clock);
        var rerenders = 0;
        marks.Expired = () => { rerenders++; return Task.CompletedTask; };

        await _circuit.InvokeAsync(() =>
        {
            for (var id = 1; id <= 1000; id++) marks.Mark(id, new DoorMark(Core.Contacts.Door.Ui, null));
        });
        clock.Advance(RecentChanges.Duration);
        await _circuit.InvokeAsync(() => { }); // after every timer's continuation, which the dispatcher runs in order

        Assert.Empty(marks.Current);
        Assert.Equal(1, rerenders);
    }
}
