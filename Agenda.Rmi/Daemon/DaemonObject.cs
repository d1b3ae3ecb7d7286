using Agenda.Rmi.Python;
namespace Agenda.Rmi.Daemon;

/// <summary>
/// The <c>Pyro.Daemon</c> object every Pyro4 daemon serves (§3.9). Agenda's objects never return iterators, so no item
/// stream ever exists: asking for the next item answers as Pyro4 does for an unknown stream, and closing one is a no-op.
/// </summary>
internal sealed class DaemonObject(PyroDaemon daemon) : IRemoteObject
{
    public string TypeName => "DaemonObject";

    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    public IReadOnlyDictionary<string, RemoteMethod> Methods { get; } = RemoteTable.Of(
        new RemoteMethod("ping", [], (_, _) => ValueTask.FromResult<object?>(null)),
        new RemoteMethod("registered", [], (_, _) => ValueTask.FromResult<object?>(daemon.Registered.Cast<object?>().ToList())),
        new RemoteMethod("info", [], (_, _) => ValueTask.FromResult<object?>(
            $"Pyro.Daemon ({daemon.Name}) bound on {daemon.AdvertisedHost}:{daemon.Port}, {daemon.Registered.Count} objects registered. " +
            $"Servertype: Agenda (.NET Kestrel), {daemon.ConnectionCount} connections of at most {daemon.Options.MaxConnections}")),
        new RemoteMethod("get_metadata", [PyParameter.Required("objectId"), PyParameter.Optional("as_lists", false)],
            (args, _) => ValueTask.FromResult<object?>(daemon.MetadataOf(args.GetString("objectId")))),
        new RemoteMethod("get_next_stream_item", [PyParameter.Required("streamId")],
            (_, _) => throw PyException.PyroError("item stream terminated")),
        new RemoteMethod("close_stream", [PyParameter.Required("streamId")], (_, _) => ValueTask.FromResult<object?>(null)));
}
