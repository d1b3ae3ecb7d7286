using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Client;

/// <summary>How a <see cref="PyroProxy"/> talks: serializer, shared HMAC key, size limit, timeout, compression.</summary>
public sealed record PyroProxyOptions
{
    /// <summary>Serpent (Pyro4's default) unless set; <see cref="JsonPyroSerializer.Instance"/> speaks json.</summary>
    public IPyroSerializer Serializer { get; init; } = PyroSerializers.Default.All.First();

    /// <summary>
    /// Pyro4's HMAC_KEY: when set, every request is signed with it and every reply must be signed with it, so it must
    /// equal the server's (Agenda's <c>Rmi:HmacKey</c>). A reply signed otherwise, or not at all, raises
    /// <see cref="Protocol.PyroSecurityException"/>.
    /// </summary>
    public byte[]? HmacKey { get; init; }

    /// <summary>Largest reply accepted (annotations + payload, also after decompression); a larger one is a <see cref="PyroCommunicationException"/>.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Limit for connecting (TCP connect and handshake) and for each call; past it the caller gets a
    /// <see cref="TimeoutException"/> and the connection is closed. Infinite by default, like Pyro4's COMMTIMEOUT 0.
    /// </summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>Compress requests of 200 bytes or more when that shrinks them (Pyro4's COMPRESSION).</summary>
    public bool Compression { get; init; }
}
