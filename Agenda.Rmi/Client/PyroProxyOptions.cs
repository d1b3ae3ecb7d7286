using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Client;

/// <summary>How a <see cref="PyroProxy"/> talks: serializer, shared HMAC key, size limit, timeout.</summary>
public sealed record PyroProxyOptions
{
    /// <summary>Defaults to the lowest-id serializer Agenda implements (serpent, as Pyro4's default).</summary>
    public IPyroSerializer Serializer { get; init; } = PyroSerializers.Default.All.First();

    public byte[]? HmacKey { get; init; }

    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Per call (and connect) timeout; infinite by default, like Pyro4's COMMTIMEOUT 0.</summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>Compress requests of 200 bytes or more (Pyro4's COMPRESSION).</summary>
    public bool Compression { get; init; }
}
