using Agenda.Core.Instances;
using Microsoft.Extensions.Logging;

namespace Agenda.Core.Naming;

/// <summary>
/// Keeps this instance present in the shared name server: its <c>Instances</c> row, renewed every
/// <see cref="LeaseTimes.RenewEvery"/> on a <see cref="TimeProvider"/> timer, and the names it owns. Each renewal also
/// sweeps instances whose lease lapsed, so the names of one killed outright are deleted by the survivors. A renewal
/// that finds the row gone (swept while this process could not reach the database) joins again and re-registers the
/// owned names. <see cref="LeaveAsync"/> deletes the row, and with it every owned name, in one statement.
/// </summary>
public sealed class InstanceLeaseKeeper : IAsyncDisposable
{
    private readonly IInstanceLeases _leases;
    private readonly ISharedNames _names;
    private readonly TimeProvider _time;
    private readonly ILogger<InstanceLeaseKeeper> _logger;
    private readonly Dictionary<string, SharedName> _owned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unregistered = new(StringComparer.Ordinal); // owned names a renewal still has to register
    private readonly SemaphoreSlim _gate = new(1, 1); // one renewal, join or leave at a time
    private InstanceStatus? _status;
    private ITimer? _timer;
    private long _heldUntilTicks;
    private bool _left;

    internal InstanceLeaseKeeper(AgendaInstance instance, LeaseTimes times, IInstanceLeases leases, ISharedNames names,
        TimeProvider time, ILogger<InstanceLeaseKeeper> logger)
    {
        Instance = instance;
        Times = times;
        _leases = leases;
        _names = names;
        _time = time;
        _logger = logger;
    }

    public AgendaInstance Instance { get; }
    public LeaseTimes Times { get; }

    /// <summary>Until when this instance's last successful renewal holds its lease (<see cref="DateTime.MinValue"/> before the first).</summary>
    public DateTime HeldUntil => new(Interlocked.Read(ref _heldUntilTicks), DateTimeKind.Utc);

    /// <summary>True while the lease this process last wrote holds: others then list and find its names.</summary>
    public bool IsAlive => Now < HeldUntil;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Joins (taking over a previous incarnation of the same name) and starts the renewal timer. A database that does
    /// not answer now is logged, not thrown: the first renewal that reaches it joins.
    /// </summary>
    public async Task StartAsync(string nameServerUri, string daemonUri)
    {
        var now = Now;
        _status = new InstanceStatus(Instance.Id, Instance.Name, nameServerUri, daemonUri, now, now, now + Times.Duration);
        await _gate.WaitAsync();
        try { await JoinAsync(takeOver: true); }
        catch (SharedNamesUnavailableException e) { _logger.LogError("Instance {Name} is not in the shared name server yet: {Reason}", Instance.Name, e.Message); }
        finally { _gate.Release(); }
        _timer = _time.CreateTimer(_ => _ = RenewAsync(), null, Times.RenewEvery, Times.RenewEvery);
    }

    /// <summary>One renewal: extend the lease (or join again), then sweep the lapsed instances. Never throws.</summary>
    public async Task RenewAsync()
    {
        if (_status is null) return;
        // Waits for a renewal still running rather than skipping: each takes at most a command timeout, so few queue.
        await _gate.WaitAsync();
        try
        {
            if (_left) return;
            var now = Now;
            if (await _leases.RenewAsync(Instance.Id, now, now + Times.Duration))
            {
                Held(now + Times.Duration);
                await RegisterOwnedAsync(onlyUnregistered: true);
            }
            else
            {
                _logger.LogWarning("Instance {Name}'s lease had lapsed and its names were swept; joining again", Instance.Name);
                await JoinAsync(takeOver: false);
            }
            var swept = await _leases.SweepAsync(now);
            if (swept > 0) _logger.LogInformation("Swept {Count} instance(s) whose lease lapsed, with their names", swept);
        }
        catch (SharedNamesUnavailableException e)
        {
            _logger.LogWarning("Instance {Name}'s lease was not renewed (it holds until {HeldUntil:O}): {Reason}", Instance.Name, HeldUntil, e.Message);
        }
        finally { _gate.Release(); }
    }

    /// <summary>
    /// Registers a name this instance owns (gone with its lease), and remembers it to register again after a lapse.
    /// Never throws: a database that does not answer now is logged, and the next renewal that finds it registers the name.
    /// </summary>
    public async Task OwnAsync(SharedName entry)
    {
        lock (_owned) _owned[entry.Name] = entry;
        try
        {
            if (await _names.RegisterAsync(entry, Instance.Id, onlyIfNew: false))
            {
                lock (_owned) _unregistered.Remove(entry.Name);
                return;
            }
            _logger.LogWarning("{Name} is not registered yet: instance {Instance} is not in the shared name server; the next renewal registers it", entry.Name, Instance.Name);
        }
        catch (SharedNamesUnavailableException e)
        {
            _logger.LogWarning("{Name} is not registered yet: {Reason}", entry.Name, e.Message);
        }
        lock (_owned) _unregistered.Add(entry.Name);
    }

    /// <summary>Forgets an owned name (its row goes with <see cref="LeaveAsync"/>, or stays if a client took the name over).</summary>
    public void Disown(string name)
    {
        lock (_owned)
        {
            _owned.Remove(name);
            _unregistered.Remove(name);
        }
    }

    /// <summary>Stops renewing and deletes this instance's row and every name it owns, at once.</summary>
    public async Task LeaveAsync()
    {
        _timer?.Dispose();
        await _gate.WaitAsync();
        try
        {
            if (_left) return;
            _left = true;
            Interlocked.Exchange(ref _heldUntilTicks, DateTime.MinValue.Ticks);
            await _leases.LeaveAsync(Instance.Id);
            _logger.LogInformation("Instance {Name} left the shared name server, with the names it owned", Instance.Name);
        }
        catch (SharedNamesUnavailableException e)
        {
            _logger.LogWarning("Instance {Name} could not leave the shared name server; its names go when its lease lapses: {Reason}", Instance.Name, e.Message);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Stops the timer only, as a crash would: the row stays until its lease lapses.</summary>
    public ValueTask DisposeAsync()
    {
        _timer?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task JoinAsync(bool takeOver)
    {
        var now = Now;
        var status = _status! with { RenewedAt = now, LeaseExpiresAt = now + Times.Duration };
        if (!await _leases.JoinAsync(status, takeOver))
        {
            _logger.LogError("Another live instance is named {Name}: give each instance its own {Setting}", Instance.Name, AgendaInstance.NameSetting);
            return;
        }
        Held(status.LeaseExpiresAt);
        await RegisterOwnedAsync(onlyUnregistered: false);
    }

    // After a join every owned name (the lapse took them all); after a renewal only those whose registration failed.
    private async Task RegisterOwnedAsync(bool onlyUnregistered)
    {
        SharedName[] owned;
        lock (_owned) owned = [.. _owned.Values.Where(e => !onlyUnregistered || _unregistered.Contains(e.Name))];
        foreach (var entry in owned)
        {
            if (!await _names.RegisterAsync(entry, Instance.Id, onlyIfNew: false)) continue;
            lock (_owned) _unregistered.Remove(entry.Name);
        }
    }

    private void Held(DateTime until) => Interlocked.Exchange(ref _heldUntilTicks, until.Ticks);
}
