using System.Collections;
using System.Net;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// Decides the answer to a connection's first message (§2.2-2.6) from that message, the daemon's options and objects,
/// and whether the connection got a slot. It sends nothing: the connection writes the answer.
/// </summary>
internal static class PyroHandshake
{
    /// <summary>Pyro4's own refusal text when its thread pool is full; Python clients know it.</summary>
    public const string NoFreeWorkers = "no free workers, increase server threadpool size";

    private const string Hello = "hello";

    /// <summary>
    /// The checks run in Pyro4's order, first refusal wins; the client's address (<paramref name="client"/>, null when
    /// the transport has none) is checked against <see cref="PyroDaemonOptions.AllowedClients"/> before anything of
    /// its message is trusted. A refusal is written in the CONNECT's serializer when this
    /// daemon speaks it, else in JSON. Throws <see cref="PyroProtocolException"/> only when the payload cannot even be
    /// inflated, a framing error like any other.
    /// </summary>
    public static PyroHandshakeResult Answer(in PyroMessage connect, PyroDaemon daemon, bool admitted, IPAddress? client = null)
    {
        var options = daemon.Options;
        var serializer = options.Serializers.Find(connect.SerializerId);
        PyroHandshakeResult Refuse(PyroProblem problem, string reason, string? objectId = null) =>
            new PyroHandshakeResult.Refused(serializer ?? JsonPyroSerializer.Instance, reason, problem, objectId);

        if (connect.Type != PyroMessageType.Connect) return Refuse(PyroProblem.MessageType, $"invalid msg type {(ushort)connect.Type} received");
        if (!admitted) return Refuse(PyroProblem.TooManyConnections, NoFreeWorkers);
        if (!options.AllowedClients.IsEveryone && (client is null || !options.AllowedClients.Allows(client)))
            return Refuse(PyroProblem.ClientNotAllowed, $"client {Describe(client)} is not in Rmi:AllowedClients");
        try { PyroHmac.Verify(options.HmacKey, connect); }
        catch (PyroSecurityException e) { return Refuse(PyroProblem.Hmac, e.Message); }
        if (serializer is null) return Refuse(PyroProblem.Serializer, options.Serializers.RefusalText(connect.SerializerId));

        object? request;
        try { request = serializer.Deserialize(PyroCompression.PayloadOf(connect, options.MaxMessageBytes).Span); }
        catch (Exception e) when (e is not PyroProtocolException) { return Refuse(PyroProblem.Handshake, e.Message); }
        // Pyro4 reads data["handshake"]; its KeyError prints as the quoted key.
        if (request is not IDictionary dict || !dict.Contains("handshake")) return Refuse(PyroProblem.Handshake, "'handshake'");

        if (!connect.Has(PyroFlags.MetaOnConnect)) return new PyroHandshakeResult.Accepted(serializer, Hello, PyroFlags.None);
        if (dict["object"] is not string objectId || !daemon.TryGet(objectId, out var target))
            return Refuse(PyroProblem.UnknownObject, "unknown object", dict["object"] as string);
        var reply = new Dictionary<object, object?> { ["handshake"] = Hello, ["meta"] = PyroDaemon.MetadataOf(target) };
        return new PyroHandshakeResult.Accepted(serializer, reply, PyroFlags.MetaOnConnect);
    }

    private static string Describe(IPAddress? client) => client is null ? "(address unknown)" : AllowedClients.Plain(client).ToString();
}
