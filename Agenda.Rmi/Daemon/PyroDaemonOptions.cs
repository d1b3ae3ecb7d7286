using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

/// <summary>The limits and keys one daemon applies to its connections (built from <c>RmiOptions</c> by the hosting code).</summary>
public sealed record PyroDaemonOptions
{
    /// <summary>Shared HMAC key; null means messages are neither signed nor expected to be.</summary>
    public byte[]? HmacKey { get; init; }

    /// <summary>Largest annotations + payload accepted, compressed or decompressed.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Connections served at once; more get CONNECTFAIL.</summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>How long a started message (or the awaited CONNECT) may stall. Idle time between messages is unlimited.</summary>
    public TimeSpan PartialMessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public PyroSerializers Serializers { get; init; } = PyroSerializers.Default;
}
