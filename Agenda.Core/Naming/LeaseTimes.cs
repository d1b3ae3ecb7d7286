using System.Globalization;
using Agenda.Core.Storage;
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

    /// <exception cref="StorageStartupException">A value that is not a duration of at least a second.</exception>
    public static LeaseTimes From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)) return new LeaseTimes(DefaultDuration);
        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var duration) || duration < Shortest)
            throw new StorageStartupException(
                $"{Setting} '{configured}' is not a lease: give a duration of at least {Shortest.TotalSeconds} s, like 00:00:15 (the default).");
        return new LeaseTimes(duration);
    }
}
