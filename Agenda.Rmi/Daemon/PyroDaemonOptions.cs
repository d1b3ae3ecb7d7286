using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

/// <summary>The limits and keys one daemon applies to its connections (built from <c>RmiOptions</c> by the hosting code).</summary>
public sealed record PyroDaemonOptions
{
    /// <summary>Shared HMAC key; null means messages are neither signed nor expected to be.</summary>
    public byte[]? HmacKey { get; init; }

    /// <summary>Who may connect at all; others get CONNECTFAIL at the handshake. Everyone by default.</summary>
    public AllowedClients AllowedClients { get; init; } = AllowedClients.Everyone;

    /// <summary>Largest annotations + payload accepted, compressed or decompressed.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Connections served at once; more get CONNECTFAIL.</summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>
    /// Oneway calls one connection may have running at once. When all are busy the connection reads nothing more until
    /// one finishes, so a client flooding oneway calls is slowed down instead of queueing unbounded work.
    /// </summary>
    public int MaxOnewayCallsPerConnection
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 16;

    /// <summary>How long a started message (or the awaited CONNECT) may stall. Idle time between messages is unlimited.</summary>
    public TimeSpan PartialMessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock <see cref="PartialMessageTimeout"/> is measured on; tests substitute a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public PyroSerializers Serializers { get; init; } = PyroSerializers.Default;

    /// <summary>Sees every connection's messages and problems (the wire capture); null: nobody watches.</summary>
    public IPyroConnectionObserver? Observer { get; init; }
}
