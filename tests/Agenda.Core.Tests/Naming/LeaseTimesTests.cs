using Agenda.Core.Naming;
using Agenda.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Tests.Naming;

public class LeaseTimesTests
{
    private static LeaseTimes From(string? value) => LeaseTimes.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [LeaseTimes.Setting] = value }).Build());

    [Fact]
    public void TheLeaseIsFifteenSecondsRenewedEveryFiveByDefault()
    {
        var times = From(null);
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5)), (times.Duration, times.RenewEvery));
    }

    [Fact]
    public void AConfiguredLeaseIsRenewedEveryThirdOfIt()
    {
        var times = From("00:00:06");
        Assert.Equal((TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(2)), (times.Duration, times.RenewEvery));
    }

    [Theory]
    [InlineData("00:00:00.5")]
    [InlineData("fifteen seconds")]
    public void ALeaseThatIsNotADurationOfASecondOrMoreIsRefusedNamingTheSetting(string value)
    {
        var error = Assert.Throws<StorageStartupException>(() => From(value));
        Assert.Equal($"Storage:InstanceLease '{value}' is not a lease: give a duration of at least 1 s, like 00:00:15 (the default).", error.Message);
    }

    [Fact]
    public void AnInstanceIsAliveStrictlyBeforeItsLeaseExpires()
    {
        var expires = new DateTime(2026, 11, 30, 12, 0, 15, DateTimeKind.Utc);
        var instance = new InstanceStatus("a.0001", "a", "ns", "d", expires.AddSeconds(-15), expires.AddSeconds(-15), expires);
        Assert.True(instance.IsAliveAt(expires.AddTicks(-1)));
        Assert.False(instance.IsAliveAt(expires));
    }
}
