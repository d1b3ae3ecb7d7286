using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Storage.Writing;

/// <summary>
/// How many writes may wait for the writer (<c>Storage:MaxPendingWrites</c>): beyond it a caller waits for room before
/// its write is queued, so a burst cannot grow the queue without end. Concurrent callers rarely come near it: each
/// connection has one call in flight, and the writer takes up to <see cref="WriteQueue.MaxBatch"/> at a time.
/// </summary>
public sealed record PendingWritesLimit(int Value)
{
    public const string Setting = "Storage:MaxPendingWrites";
    public const int Default = 1_000;

    /// <exception cref="StorageStartupException">A value that is not a whole number of at least 1.</exception>
    public static PendingWritesLimit From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)) return new(Default);
        if (!int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new StorageStartupException(
                $"{Setting} '{configured}' is not a number of writes: give a whole number of at least 1, like {Default} (the default).");
        return new(value);
    }
}
