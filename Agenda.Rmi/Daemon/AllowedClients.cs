using System.Net;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// The client addresses a daemon accepts (<c>Rmi:AllowedClients</c>): single addresses and CIDR ranges, IPv4 and IPv6.
/// Empty means everyone, as before the setting existed. An IPv4 client reaching an IPv6 socket (<c>::ffff:10.1.2.3</c>)
/// is judged by its IPv4 address, so one list works whichever way the listener is bound.
/// </summary>
public sealed class AllowedClients
{
    public static readonly AllowedClients Everyone = new([]);

    private readonly IPNetwork[] _networks;

    private AllowedClients(IPNetwork[] networks) => _networks = networks;

    /// <summary>True when the list is empty and nobody is refused for their address.</summary>
    public bool IsEveryone => _networks.Length == 0;

    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>
    /// Parses the configured entries: <c>10.0.0.0/8</c>, <c>192.168.1.20</c>, <c>fd00::/8</c>, <c>::1</c>. Blank
    /// entries are skipped. Throws <see cref="FormatException"/> naming the first entry that is neither.
    /// </summary>
    public static AllowedClients Parse(IEnumerable<string?> entries)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry)) continue;
            networks.Add(ParseEntry(entry.Trim()));
        }
        return networks.Count == 0 ? Everyone : new AllowedClients([.. networks]);
    }

    public bool Allows(IPAddress client)
    {
        if (IsEveryone) return true;
        var address = Plain(client);
        return _networks.Any(n => n.Contains(address));
    }

    /// <summary>The client's address as the lists see it: an IPv4-mapped IPv6 address as IPv4.</summary>
    public static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public override string ToString() => IsEveryone ? "everyone" : string.Join(", ", _networks);

    private static IPNetwork ParseEntry(string entry)
    {
        if (IPAddress.TryParse(entry, out var single) && !entry.Contains('/'))
        {
            var address = Plain(single);
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }
        if (!IPNetwork.TryParse(entry, out var network))
            throw new FormatException($"Rmi:AllowedClients entry '{entry}' is neither an IP address nor a CIDR range such as 10.0.0.0/8 or fd00::/8");
        // 192.168.1.20/24 could mean the host or its network: make the operator say which.
        var written = IPAddress.Parse(entry[..entry.IndexOf('/')]);
        var masked = Masked(written, network.PrefixLength);
        return written.Equals(masked)
            ? new IPNetwork(masked, network.PrefixLength)
            : throw new FormatException($"Rmi:AllowedClients entry '{entry}' has address bits set past its /{network.PrefixLength} prefix: " +
                $"write {masked}/{network.PrefixLength} for the network, or {written} for the one address");
    }

    private static IPAddress Masked(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefixLength - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
