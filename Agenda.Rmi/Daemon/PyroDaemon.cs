using System.Collections.Concurrent;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// A Pyro4 daemon: the objects served on one listener, by object id, plus the built-in <c>Pyro.Daemon</c> object.
/// Knows the location it is advertised at, so it can hand out URIs clients can connect to.
/// </summary>
public sealed class PyroDaemon
{
    public const string DaemonObjectId = "Pyro.Daemon";

    private readonly ConcurrentDictionary<string, IRemoteObject> _objects = new(StringComparer.Ordinal);
    private int _connections;

    public PyroDaemon(string name, string advertisedHost, int port, PyroDaemonOptions? options = null)
    {
        Name = name;
        AdvertisedHost = advertisedHost;
        Port = port;
        Options = options ?? new PyroDaemonOptions();
        Register(DaemonObjectId, new DaemonObject(this));
    }

    /// <summary>What this daemon is for (logs and <c>info()</c>), e.g. "name server".</summary>
    public string Name { get; }

    /// <summary>The host put into URIs: what clients connect to, which can differ from the bind address (NAT, containers).</summary>
    public string AdvertisedHost { get; }

    public int Port { get; }

    public PyroDaemonOptions Options { get; }

    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>The registered object ids, sorted (Pyro.Daemon included).</summary>
    public IReadOnlyList<string> Registered => [.. _objects.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers (or replaces) an object and returns its URI string, <c>PYRO:id@host:port</c>.</summary>
    public string Register(string objectId, IRemoteObject remoteObject)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectId);
        _objects[objectId] = remoteObject;
        return UriFor(objectId);
    }

    public bool Unregister(string objectId) => objectId != DaemonObjectId && _objects.TryRemove(objectId, out _);

    public bool TryGet(string objectId, out IRemoteObject remoteObject) => _objects.TryGetValue(objectId, out remoteObject!);

    /// <summary>The URI string of an object id on this daemon (IPv6 hosts bracketed as Pyro4 writes them).</summary>
    public string UriFor(string objectId) =>
        $"PYRO:{objectId}@{(AdvertisedHost.Contains(':') ? $"[{AdvertisedHost}]" : AdvertisedHost)}:{Port}";

    /// <summary>The handshake / <c>get_metadata</c> dict: methods, oneway and attrs, each a list of names.</summary>
    public static Dictionary<object, object?> MetadataOf(IRemoteObject remoteObject) => new()
    {
        ["methods"] = remoteObject.Methods.Keys.Where(IsPublic).Cast<object?>().ToList(),
        ["oneway"] = remoteObject.Methods.Values.Where(m => m.Oneway && IsPublic(m.Name)).Select(m => (object?)m.Name).ToList(),
        ["attrs"] = remoteObject.Attributes.Keys.Where(IsPublic).Cast<object?>().ToList(),
    };

    public Dictionary<object, object?> MetadataOf(string objectId) =>
        TryGet(objectId, out var remoteObject) ? MetadataOf(remoteObject) : throw PyException.DaemonError("unknown object");

    /// <summary>Runs one call with Pyro4's dispatch rules (§3.3, §3.7); failures are <see cref="PyException"/>s.</summary>
    public ValueTask<object?> InvokeAsync(PyroCall call, RemoteCallContext context)
    {
        if (!TryGet(call.ObjectId, out var target)) throw PyException.DaemonError("unknown object");
        return call.Method switch
        {
            "__getattr__" => ValueTask.FromResult(GetAttribute(target, call)),
            "__setattr__" => SetAttribute(target, call),
            _ when !IsPublic(call.Method) => throw PyException.AttributeError($"attempt to access private attribute '{call.Method}'"),
            _ when target.Methods.TryGetValue(call.Method, out var method) =>
                method.Handler(PyArguments.Bind(target.TypeName, method, call.Positional, call.Keywords), context),
            _ => throw PyException.AttributeError($"'{target.TypeName}' object has no attribute '{call.Method}'"),
        };
    }

    internal bool TryEnterConnection()
    {
        if (Interlocked.Increment(ref _connections) <= Options.MaxConnections) return true;
        Interlocked.Decrement(ref _connections);
        return false;
    }

    internal void LeaveConnection() => Interlocked.Decrement(ref _connections);

    private static bool IsPublic(string name) => !name.StartsWith('_');

    private static object? GetAttribute(IRemoteObject target, PyroCall call) =>
        FindAttribute(target, call, 1).Get();

    private static ValueTask<object?> SetAttribute(IRemoteObject target, PyroCall call)
    {
        var attribute = FindAttribute(target, call, 2);
        if (attribute.Set is null) throw PyException.AttributeError($"can't set attribute '{attribute.Name}'");
        attribute.Set(call.Positional[1]);
        return ValueTask.FromResult<object?>(null);
    }

    private static RemoteAttribute FindAttribute(IRemoteObject target, PyroCall call, int arguments)
    {
        if (call.Positional.Count != arguments || call.Positional[0] is not string name)
            throw PyException.TypeError($"{call.Method} expects {arguments} argument{(arguments == 1 ? "" : "s")}, the first a str");
        return IsPublic(name) && target.Attributes.TryGetValue(name, out var attribute)
            ? attribute
            : throw PyException.AttributeError($"attempt to access unexposed or unknown remote attribute '{name}'");
    }
}
