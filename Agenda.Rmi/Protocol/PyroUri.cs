using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Protocol;

/// <summary>
/// A Pyro4 URI: <c>PYRO:object@host:port</c>, <c>PYRO:object@./u:sockname</c>, <c>PYRONAME:name[@host[:port]]</c> or
/// <c>PYROMETA:tag1,tag2[@host[:port]]</c>. Parsing, printing and the class-dict form follow Pyro4 4.82's <c>core.URI</c>.
/// For PYROMETA, <see cref="Object"/> holds the tags joined by commas and <see cref="MetaTags"/> the set.
/// </summary>
public sealed partial record PyroUri(string Protocol, string Object, string? Sockname, string? Host, int? Port)
{
    /// <summary>The <c>__class__</c> of a URI class dict.</summary>
    public const string ClassName = "Pyro4.core.URI";

    /// <summary>The port a PYRONAME/PYROMETA location without a port means (Pyro's NS_PORT).</summary>
    public const int DefaultNameServerPort = 9090;

    /// <summary>A direct object URI, e.g. <c>PYRO:Pyro.NameServer@127.0.0.1:9090</c>.</summary>
    public static PyroUri ForObject(string objectId, string host, int port) => new("PYRO", objectId, null, host, port);

    /// <summary>The tags of a PYROMETA URI (empty for the other protocols).</summary>
    public IReadOnlySet<string> MetaTags =>
        Protocol == "PYROMETA" ? Object.Split(',').ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>
    /// Parses like <c>Pyro4.core.URI(text)</c>; failures are <c>Pyro4.errors.PyroError</c> with Pyro's texts.
    /// </summary>
    public static PyroUri Parse(string text)
    {
        var match = UriPattern().Match(text);
        if (!match.Success) throw PyException.PyroError("invalid uri");
        var protocol = match.Groups["protocol"].Value.ToUpperInvariant();
        var obj = match.Groups["object"].Value;
        var location = match.Groups["location"].Success ? match.Groups["location"].Value : null;
        switch (protocol)
        {
            case "PYRONAME":
                return WithLocation(new(protocol, obj, null, null, null), location, DefaultNameServerPort);
            case "PYRO":
                if (string.IsNullOrEmpty(location)) throw PyException.PyroError("invalid uri");
                return WithLocation(new(protocol, obj, null, null, null), location, null);
            case "PYROMETA":
                return WithLocation(new(protocol, JoinTags(obj.Split(',').Select(t => t.Trim())), null, null, null),
                    location, DefaultNameServerPort);
            default:
                throw PyException.PyroError("invalid uri (protocol)");
        }
    }

    /// <summary>The location part: <c>host:port</c>, <c>[ipv6]:port</c>, <c>./u:sockname</c>, or null.</summary>
    public string? Location =>
        !string.IsNullOrEmpty(Host) ? (Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}")
        : !string.IsNullOrEmpty(Sockname) ? "./u:" + Sockname
        : null;

    public override string ToString() => Location is { } location ? $"{Protocol}:{Object}@{location}" : $"{Protocol}:{Object}";

    /// <summary>
    /// The form Pyro clients rebuild into a <c>Pyro4.core.URI</c>:
    /// <c>{'__class__':'Pyro4.core.URI','state':(protocol, object, sockname, host, port)}</c>; a PYROMETA object is a set.
    /// </summary>
    public Dictionary<object, object?> ToClassDict() => new()
    {
        ["__class__"] = ClassName,
        ["state"] = new PyTuple(Protocol,
            Protocol == "PYROMETA" ? new HashSet<object>(MetaTags, PyComparer.Instance) : Object,
            Sockname, Host, Port is { } port ? (long)port : null),
    };

    /// <summary>True if <paramref name="value"/> is a dict whose <c>__class__</c> is <c>Pyro4.core.URI</c>.</summary>
    public static bool IsClassDict(object? value) =>
        value is IDictionary dict && dict.Contains("__class__") && dict["__class__"] as string == ClassName;

    /// <summary>Rebuilds a URI from its class dict (serpent sends the state as a tuple, json as a list).</summary>
    public static PyroUri FromClassDict(object? value)
    {
        var state = IsClassDict(value) ? ((IDictionary)value!)["state"] switch
        {
            PyTuple tuple => tuple.ToList(),
            IList list => list.Cast<object?>().ToList(),
            _ => null,
        } : null;
        if (state is not { Count: 5 }) throw PyException.PyroError("invalid uri class dict");
        if (state[0] is not string protocol) throw PyException.PyroError("invalid uri (protocol)");
        var obj = state[1] switch
        {
            string s => s,
            IEnumerable tags when protocol.Equals("PYROMETA", StringComparison.OrdinalIgnoreCase) =>
                JoinTags(tags.Cast<object?>().Select(t => t as string ?? throw PyException.PyroError("invalid uri (object)"))),
            _ => throw PyException.PyroError("invalid uri (object)"),
        };
        var port = state[4] switch
        {
            null => (int?)null,
            long l and >= int.MinValue and <= int.MaxValue => (int)l,
            int i => i,
            _ => throw PyException.PyroError("invalid port in uri, port=" + PyValue.Repr(state[4])),
        };
        return new(protocol.ToUpperInvariant(), obj, state[2] as string, state[3] as string, port);
    }

    private static string JoinTags(IEnumerable<string> tags) => string.Join(",", tags.Distinct(StringComparer.Ordinal));

    // Pyro: "./u:sockname" | "[ipv6]" [":" port] | host [":" port]; a missing port takes the default, and
    // PYRO has none, hence Pyro's own "invalid port in uri, port=None".
    private static PyroUri WithLocation(PyroUri uri, string? location, int? defaultPort)
    {
        if (string.IsNullOrEmpty(location)) return uri;
        if (location.StartsWith("./u:", StringComparison.Ordinal))
        {
            var sockname = location[4..];
            if (sockname.Length == 0 || sockname.Contains(':')) throw PyException.PyroError("invalid uri (location)");
            return uri with { Sockname = sockname };
        }
        string host, portText;
        if (location.StartsWith('['))
        {
            if (location.StartsWith("[[", StringComparison.Ordinal))
                throw PyException.PyroError("invalid ipv6 address: enclosed in too many brackets");
            var v6 = Ipv6Location().Match(location);
            if (!v6.Success)
                throw PyException.PyroError("invalid ipv6 address: the part between brackets must be a numeric ipv6 address");
            (host, portText) = (v6.Groups[1].Value, v6.Groups[3].Value);
        }
        else
        {
            var colon = location.IndexOf(':');
            (host, portText) = colon < 0 ? (location, "") : (location[..colon], location[(colon + 1)..]);
        }
        if (portText.Length == 0)
            return defaultPort is { } port ? uri with { Host = host, Port = port }
                : throw PyException.PyroError("invalid port in uri, port=None");
        return uri with { Host = host, Port = ParsePythonInt(portText) ?? throw PyException.PyroError("invalid port in uri, port=" + portText) };
    }

    // Python's int(str): surrounding whitespace, a sign, and underscores between digits are allowed.
    private static int? ParsePythonInt(string text)
    {
        var trimmed = text.Trim();
        if (!PythonInt().IsMatch(trimmed)) return null;
        var digits = trimmed.Replace("_", "");
        return BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
               && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;
    }

    // Pyro4's uriRegEx used with re.match: object is the shortest non-blank run before the first '@'.
    [GeneratedRegex(@"\A(?<protocol>[Pp][Yy][Rr][Oo][a-zA-Z]*):(?<object>\S+?)(@(?<location>.+))?$")]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"\A\[([0-9a-fA-F:%]+)](:([0-9]+))?")]
    private static partial Regex Ipv6Location();

    [GeneratedRegex(@"\A[+-]?[0-9]+(_[0-9]+)*\z")]
    private static partial Regex PythonInt();
}
