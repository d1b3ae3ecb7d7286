using Agenda.Rmi.Daemon;
using Agenda.Rmi.Serialization;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>One connection's oneway calls without a socket: slots, back-pressure, failures and the wait at close.</summary>
public class OnewayCallsTests
{
    private static readonly PyroCall Call = new("oneway.probe", "hold", [], PyroCall.NoKeywords);
    private readonly RecordingLogger _log = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task StartingBeyondTheLimitWaitsUntilASlotIsFree()
    {
        var calls = new OnewayCalls(1, _log);
        await calls.StartAsync(Call, () => _gate.Task, CancellationToken.None);

        var second = calls.StartAsync(Call, () => Task.CompletedTask, CancellationToken.None);
        Assert.False(second.IsCompleted);

        _gate.SetResult();
        await second;
        await calls.DisposeAsync();
    }

    [Fact]
    public async Task WaitingForASlotEndsWhenTheConnectionCloses()
    {
        var calls = new OnewayCalls(1, _log);
        await calls.StartAsync(Call, () => _gate.Task, CancellationToken.None);
        using var closing = new CancellationTokenSource();

        var waiting = calls.StartAsync(Call, () => Task.CompletedTask, closing.Token);
        closing.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _gate.SetResult();
        await calls.DisposeAsync();
    }

    [Fact]
    public async Task ClosingWaitsForTheCallsStillRunning()
    {
        var calls = new OnewayCalls(2, _log);
        await calls.StartAsync(Call, () => _gate.Task, CancellationToken.None);

        var closed = calls.DisposeAsync().AsTask();
        Assert.False(closed.IsCompleted);

        _gate.SetResult();
        await closed;
    }

    [Fact]
    public async Task FailedCallIsLoggedWithItsObjectAndMethodAndFreesItsSlot()
    {
        var calls = new OnewayCalls(1, _log);
        await calls.StartAsync(Call, () => throw new InvalidOperationException("boom"), CancellationToken.None);
        await calls.StartAsync(Call, () => Task.CompletedTask, CancellationToken.None);
        await calls.DisposeAsync();

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("Pyro oneway call hold on oneway.probe failed", entry.Message);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }
}
