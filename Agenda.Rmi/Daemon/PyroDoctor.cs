using System.Buffers;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// The connection doctor: turns a refusal or protocol error into one line a user can act on ("client sent pickle (4);
/// set PYRO_SERIALIZER=serpent or json"). It names settings and the client's own terms, and never a key.
/// </summary>
internal static class PyroDoctor
{
    /// <summary>A message the framing refused, read from the bytes that were waiting.</summary>
    public static (PyroProblem, string) Framing(in ReadOnlySequence<byte> buffered, PyroProtocolException error, PyroDaemon daemon)
    {
        var head = buffered.Slice(0, Math.Min(buffered.Length, PyroMessage.HeaderSize)).ToArray();
        if (head.Length < 4 || !head.AsSpan(0, 4).SequenceEqual("PYRO"u8)) return (PyroProblem.NotPyro, NotPyro(head, buffered.Length));
        if (PyroHeader.TryParse(head, out var header))
        {
            if (!header.IsSupportedVersion)
                return (PyroProblem.ProtocolVersion, $"client speaks Pyro protocol version {header.Version}{(header.Version == 502 ? " (Pyro5)" : "")}; " +
                    $"Agenda speaks Pyro4's version {PyroMessage.ProtocolVersion}: call it with Pyro4");
            if (!header.ChecksumValid)
                return (PyroProblem.Checksum, $"header checksum is 0x{header.Checksum:x4}, should be 0x{header.ExpectedChecksum:x4}: " +
                    "the header was damaged on the way, or the client is not a Pyro4 implementation");
            if (header.MessageLength - PyroMessage.HeaderSize > daemon.Options.MaxMessageBytes)
                return TooLarge($"sent a message of {header.MessageLength - PyroMessage.HeaderSize:N0} bytes", daemon);
        }
        return Payload(error, daemon);
    }

    /// <summary>A payload that cannot be inflated (a framing error found after the header).</summary>
    public static (PyroProblem, string) Payload(PyroProtocolException error, PyroDaemon daemon) =>
        error.Message.StartsWith("max message size", StringComparison.Ordinal)
            ? TooLarge("sent a compressed message that inflates past the limit", daemon)
            : (PyroProblem.BadCompression, $"client's message could not be read: {error.Message}");

    public static string Refusal(PyroHandshakeResult.Refused refused, in PyroMessage connect, PyroDaemon daemon) => refused.Problem switch
    {
        PyroProblem.MessageType => $"client's first message was of type {(ushort)connect.Type} ({connect.Type}), not CONNECT",
        PyroProblem.TooManyConnections => $"too many connections: {daemon.Options.MaxConnections:N0} already open on the {daemon.Name} listener " +
            "(Rmi:MaxConnections); this client was refused",
        PyroProblem.ClientNotAllowed => $"{refused.Reason} ({daemon.Options.AllowedClients}); add its address or network there " +
            "to let it in",
        PyroProblem.Hmac => Hmac(daemon, connect),
        PyroProblem.Serializer => Serializer(connect.SerializerId),
        PyroProblem.UnknownObject => $"client asked for object '{refused.ObjectId}', which is not here; the {daemon.Name} daemon serves {Objects(daemon)}",
        _ => $"client's CONNECT is not a Pyro4 handshake: {refused.Reason}",
    };

    /// <summary>After the handshake, a message that is neither an INVOKE this daemon can read nor a PING.</summary>
    public static (PyroProblem, string) Unexpected(in PyroMessage message) => message.Type == PyroMessageType.Invoke
        ? (PyroProblem.Serializer, Serializer(message.SerializerId))
        : (PyroProblem.MessageType, $"client sent a message of type {(ushort)message.Type} ({message.Type}) where INVOKE or PING was expected");

    /// <summary>HMAC trouble after the handshake; the same three cases as at CONNECT.</summary>
    public static string Hmac(PyroDaemon daemon, in PyroMessage message) =>
        (daemon.Options.HmacKey is not null, message.Annotations.ContainsKey("HMAC")) switch
        {
            (true, false) => "client sent no HMAC, but Rmi:HmacKey is set: give the client the same key (proxy._pyroHmacKey, or PYRO_HMAC_KEY for the name server tools)",
            (false, true) => "client signs its messages with an HMAC key, but Rmi:HmacKey is not set: set the same key on both sides, or none",
            _ => "client's HMAC does not match: its key differs from Rmi:HmacKey",
        };

    /// <summary>A call that failed because of how it was addressed, not inside the method; null for the method's own errors.</summary>
    public static (PyroProblem, string)? CallFailed(PyroCall call, Exception error, PyroDaemon daemon) => error switch
    {
        PyException { PythonClass: "Pyro4.errors.DaemonError", Message: "unknown object" } =>
            (PyroProblem.UnknownObject, $"client called {call.ObjectId}.{call.Method}, but there is no object '{call.ObjectId}'; the {daemon.Name} daemon serves {Objects(daemon)}"),
        PyException { PythonClass: "builtins.AttributeError" } =>
            (PyroProblem.UnknownMethod, $"{call.ObjectId} has no method '{call.Method}' ({error.Message}); its methods are {Methods(daemon, call.ObjectId)}"),
        PyException { PythonClass: "builtins.TypeError" } =>
            (PyroProblem.WrongArguments, $"{call.ObjectId}.{call.Method} was called with the wrong arguments: {error.Message}"),
        _ => null,
    };

    public static string Stalled(long buffered, bool connected, TimeSpan timeout) => buffered == 0 && !connected
        ? $"client connected but sent no CONNECT within {timeout} (Rmi:PartialMessageTimeout); dropped"
        : $"client sent half a message ({buffered:N0} bytes) and then nothing for {timeout} (Rmi:PartialMessageTimeout); dropped";

    public static string Truncated(long buffered) =>
        $"client closed the connection in the middle of a message ({buffered:N0} bytes of it had arrived)";

    private static string Serializer(ushort id) => $"client sent {PyroSerializers.NameOf(id)} ({id}); set PYRO_SERIALIZER=serpent or json";

    private static (PyroProblem, string) TooLarge(string what, PyroDaemon daemon) =>
        (PyroProblem.TooLarge, $"client {what}; Rmi:MaxMessageBytes is {daemon.Options.MaxMessageBytes:N0}: raise it, or send less per call");

    private static string NotPyro(byte[] head, long length)
    {
        var guess = ForeignProtocol.Guess(head) is { } protocol ? "it looks like " + protocol : "is it speaking another protocol to a Pyro port?";
        return $"client sent {length:N0} bytes that are not a Pyro4 message (they start {Convert.ToHexString(head.AsSpan(0, Math.Min(head.Length, 8)))}); {guess}";
    }

    private static string Objects(PyroDaemon daemon) => string.Join(", ", daemon.Registered);

    private static string Methods(PyroDaemon daemon, string objectId) =>
        daemon.TryGet(objectId, out var target)
            ? string.Join(", ", target.Methods.Keys.Where(m => !m.StartsWith('_')).Order(StringComparer.Ordinal)) : "unknown";
}
