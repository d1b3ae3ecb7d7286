using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Naming;

/// <summary>
/// How long the names an instance owns outlive its last renewal (<c>Storage:InstanceLease</c>, 15 s by default), and
/// how often it renews: every third of that, so two renewals in a row may fail (a database hiccup, a long pause)
/// before its names disappear, and an instance killed outright loses them within one lease.
/// </summary>
public sealed record LeaseTimes
{
    public const string Setting = "Storage:InstanceLease";
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    public LeaseTimes(TimeSpan duration)
    {
        if (duration < Shortest)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"{Setting} must be at least {Shortest.TotalSeconds} s");
        Duration = duration;
    }

    public TimeSpan Duration { get; }

    public TimeSpan RenewEvery => Duration / 3;

    public static LeaseTimes From(IConfiguration configuration) =>
        new(configuration.GetValue<TimeSpan?>(Setting) ?? DefaultDuration);
}
