using System.Collections;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

internal sealed partial class PyroConnection
{
    private const string Hello = "hello";

    /// <summary>
    /// Answers the first message (§2.2-2.6): CONNECTOK with the handshake answer (+ metadata when asked for), or
    /// CONNECTFAIL with a reason the Python user reads as "connection to ... rejected: reason". False closes the connection.
    /// </summary>
    private async Task<bool> HandshakeAsync(PyroMessage connect, bool admitted)
    {
        var serializer = daemon.Options.Serializers.Find(connect.SerializerId);
        var failWith = serializer ?? JsonPyroSerializer.Instance;
        var reason = HandshakeRefusal(connect, serializer, admitted, out var reply, out var flags);
        if (reason is not null)
        {
            Log.FramingError(logger, connection.RemoteEndPoint, "handshake refused: " + reason);
            await SendConnectFailAsync(connect.Sequence, failWith, reason);
            return false;
        }
        await SendAsync(PyroMessageType.ConnectOk, flags, connect.Sequence, serializer!.Id, serializer.Serialize(reply),
            CorrelationFor(connect), connect.Has(PyroFlags.Compressed));
        return true;
    }

    private string? HandshakeRefusal(in PyroMessage connect, IPyroSerializer? serializer, bool admitted, out object? reply, out PyroFlags flags)
    {
        (reply, flags) = (null, PyroFlags.None);
        if (connect.Type != PyroMessageType.Connect) return $"invalid msg type {(ushort)connect.Type} received";
        if (!admitted) return NoFreeWorkers;
        try { PyroHmac.Verify(daemon.Options.HmacKey, connect); }
        catch (PyroSecurityException e) { return e.Message; }
        if (serializer is null) return daemon.Options.Serializers.RefusalText(connect.SerializerId);

        object? request;
        try { request = serializer.Deserialize(Payload(connect)); }
        catch (Exception e) when (e is not PyroProtocolException) { return e.Message; }
        if (request is not IDictionary dict || !dict.Contains("handshake")) return "'handshake'";

        if (!connect.Has(PyroFlags.MetaOnConnect))
        {
            reply = Hello;
            return null;
        }
        if (dict["object"] is not string objectId || !daemon.TryGet(objectId, out var target)) return "unknown object";
        reply = new Dictionary<object, object?> { ["handshake"] = Hello, ["meta"] = PyroDaemon.MetadataOf(target) };
        flags = PyroFlags.MetaOnConnect;
        return null;
    }

    /// <summary>Serves one message after the handshake; false closes the connection (§2.7).</summary>
    private async Task<bool> ServeAsync(PyroMessage message)
    {
        var serializer = daemon.Options.Serializers.Find(message.SerializerId);
        switch (message.Type)
        {
            case PyroMessageType.Ping:
                PyroHmac.Verify(daemon.Options.HmacKey, message);
                await SendAsync(PyroMessageType.Ping, PyroFlags.None, message.Sequence, message.SerializerId, "pong"u8.ToArray(), CorrelationFor(message));
                return true;
            case PyroMessageType.Invoke when serializer is not null:
                PyroHmac.Verify(daemon.Options.HmacKey, message);
                await InvokeAsync(message, serializer);
                return true;
            default:
                Log.FramingError(logger, connection.RemoteEndPoint, message.Type == PyroMessageType.Invoke
                    ? daemon.Options.Serializers.RefusalText(message.SerializerId)
                    : $"invalid msg type {(ushort)message.Type} received");
                return false;
        }
    }

    private async Task InvokeAsync(PyroMessage message, IPyroSerializer serializer)
    {
        var compress = message.Has(PyroFlags.Compressed);
        PyroCall call;
        try
        {
            if (message.Has(PyroFlags.KeepSerialized)) throw PyException.SerializeError("SerializedBlob (KEEPSERIALIZED) calls are not supported by this server");
            call = serializer.DeserializeCall(Payload(message));
        }
        catch (Exception e) when (e is not PyroProtocolException)
        {
            if (!message.Has(PyroFlags.Oneway)) await SendExceptionAsync(message, serializer, AsCallerError(e), compress);
            return;
        }

        var batch = message.Has(PyroFlags.Batch) && call.Method == "<batch>";
        if (message.Has(PyroFlags.Oneway))
        {
            // No reply at all, even on failure (§3.5); run apart so the connection can read the next message now.
            _ = Task.Run(async () =>
            {
                try { _ = batch ? await RunBatchAsync(call) : await daemon.InvokeAsync(call, _context); }
                catch (Exception e) { Log.OnewayFailed(logger, e, call.ObjectId, call.Method); }
            });
            return;
        }

        object? result;
        try { result = batch ? await RunBatchAsync(call) : await daemon.InvokeAsync(call, _context); }
        catch (Exception e)
        {
            await SendExceptionAsync(message, serializer, e, compress);
            return;
        }

        byte[] payload;
        try { payload = serializer.Serialize(result); }
        catch (Exception e)
        {
            await SendExceptionAsync(message, serializer, PyException.SerializeError($"cannot serialize the result of {call.Method}: {e.Message}"), compress);
            return;
        }
        var flags = batch ? PyroFlags.Batch : PyroFlags.None;
        await SendAsync(PyroMessageType.Result, flags, message.Sequence, serializer.Id, payload, CorrelationFor(message), compress);
    }

    /// <summary>
    /// BATCH (§3.6): each (method, vargs, kwargs) on the same object, in order; the first failure is appended as an
    /// _ExceptionWrapper and ends the batch.
    /// </summary>
    private async Task<List<object?>> RunBatchAsync(PyroCall batch)
    {
        var results = new List<object?>();
        foreach (var item in batch.Positional)
        {
            try
            {
                if (item is not IReadOnlyList<object?> { Count: 3 } triple) throw PyException.TypeError("invalid batch item: (method, vargs, kwargs) expected");
                var call = PyroCall.From(batch.ObjectId, triple[0], triple[1], triple[2]);
                results.Add(await daemon.InvokeAsync(call, _context));
            }
            catch (Exception e)
            {
                results.Add(PyroErrors.BatchWrapper(e));
                break;
            }
        }
        return results;
    }

    // Exception RESULTs carry no CORR, like the Python daemon's (§2.5).
    private Task SendExceptionAsync(in PyroMessage request, IPyroSerializer serializer, Exception exception, bool compress) =>
        SendAsync(PyroMessageType.Result, PyroFlags.Exception, request.Sequence, serializer.Id,
            serializer.Serialize(PyroErrors.ToDict(exception)), null, compress);

    // An undecodable call is the caller's fault: a Python client sees the parser's complaint, not a server error.
    // Python's daemon answers an unparsable serpent call with the parser's SyntaxError (§2.7).
    private static Exception AsCallerError(Exception e) => e switch
    {
        PyException => e,
        Serpent.SerpentException => new PyException("builtins.SyntaxError", "invalid call data: " + e.Message),
        _ => PyException.ValueError("invalid call data: " + e.Message),
    };
}
