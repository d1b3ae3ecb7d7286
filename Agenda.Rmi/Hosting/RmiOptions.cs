namespace Agenda.Rmi.Hosting;

/// <summary>The <c>Rmi</c> configuration section: where the Pyro listeners bind, what URIs advertise, and the limits.</summary>
public sealed class RmiOptions
{
    public const string SectionName = "Rmi";

    /// <summary>False runs no Pyro at all: no listener, no discovery, no agenda objects; the name server reads as not running.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Bind address of both Pyro listeners. Loopback unless configured otherwise.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Host name or address put into URIs handed to clients (behind NAT or in a container); null → <see cref="Host"/>.</summary>
    public string? AdvertisedHost { get; set; }

    public int NameServerPort { get; set; } = 9090;

    /// <summary>UDP port of the name server's broadcast responder; 0 disables it.</summary>
    public int BroadcastPort { get; set; } = 9091;

    /// <summary>Port of the daemon serving the agenda objects.</summary>
    public int DaemonPort { get; set; } = 9095;

    /// <summary>Shared HMAC key (UTF-8 text, as Pyro4's PYRO_HMAC_KEY); null → messages are not signed.</summary>
    public string? HmacKey { get; set; }

    /// <summary>
    /// Addresses and CIDR ranges (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) allowed to connect to either listener; empty lets
    /// everyone connect. Others are refused at the handshake and logged.
    /// </summary>
    public List<string> AllowedClients { get; set; } = [];

    /// <summary>
    /// Who may register, remove and set metadata in the name server. Null leaves the choice to the host (Agenda.Web:
    /// <see cref="Naming.NameServerWrites.LoopbackAndAllowed"/> when sign-in is required, else <see cref="Naming.NameServerWrites.Anyone"/>).
    /// </summary>
    public Naming.NameServerWrites? NameServerWrites { get; set; }

    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Connections served at once per listener; further ones get CONNECTFAIL "no free workers ...".</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>How long a half-sent message (or a CONNECT that never comes) may stall before the connection is dropped.</summary>
    public TimeSpan PartialMessageTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
