using Agenda.Rmi.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Rmi.Tests.Naming;

public sealed class NameServerLeaseHealthCheckTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private PostgresDatabase _database = null!;
    private PostgresNamingInstance _instance = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateMigratedAsync();
        _instance = PostgresNamingInstance.Open(_database, _time, "agenda-a");
    }

    public async Task DisposeAsync()
    {
        await _instance.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<HealthCheckResult> CheckAsync() =>
        await new NameServerLeaseHealthCheck(_instance.Keeper).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task TheCheckIsHealthyWhileTheLeaseHoldsAndDegradedBeforeAndAfter()
    {
        var before = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, before.Status);
        Assert.Contains("has not joined", before.Description);

        await _instance.StartAsync();
        var held = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, held.Status);
        Assert.Equal("instance agenda-a holds its name-server lease until 2026-11-30T12:00:15.0000000Z (lease 15 s, renewed every 5 s)", held.Description);

        await _instance.Keeper.DisposeAsync(); // renewals stop, as when the database stops answering
        _time.Advance(TimeSpan.FromSeconds(15));
        var lapsed = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, lapsed.Status);
        Assert.Contains("lease lapsed at 2026-11-30T12:00:15.0000000Z: the other instances no longer list its objects", lapsed.Description);
    }
}
