using System.Net;

namespace Agenda.Web.Security;

/// <summary>
/// Whether an address Agenda listens on can be reached from other machines. Only loopback is private: <c>localhost</c>,
/// <c>127.x.x.x</c>, <c>::1</c>. Everything else counts as exposed: <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>::</c>, any other
/// IP address, and any other host name (Kestrel binds a host name other than localhost to every interface).
/// </summary>
public static class ListenAddress
{
    /// <summary>An HTTP address as <c>Urls</c> or <c>Kestrel:Endpoints:*:Url</c> give it, e.g. <c>http://*:5080</c>.</summary>
    public static bool IsExposedUrl(string url)
    {
        BindingAddress binding;
        try { binding = BindingAddress.Parse(url.Trim()); }
        catch (FormatException) { return true; } // Kestrel will refuse it; until then, assume the worst
        // A Unix socket is reached through the file system, not the network.
        return !binding.IsUnixPipe && IsExposedHost(binding.Host);
    }

    /// <summary>A bare host or IP address (<c>Rmi:Host</c>, or the host part of a URL; IPv6 with or without brackets).</summary>
    public static bool IsExposedHost(string host)
    {
        host = host.Trim();
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return false;
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        if (!IPAddress.TryParse(host, out var address)) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return !IPAddress.IsLoopback(address);
    }
}
