using Agenda.Rmi.Buffers;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

internal sealed partial class PyroConnection
{
    /// <summary>
    /// Answers the first message (§2.2-2.6) as <see cref="PyroHandshake"/> decides: CONNECTOK, or CONNECTFAIL with the
    /// reason. False closes the connection.
    /// </summary>
    private async Task<bool> HandshakeAsync(PyroMessage connect, bool admitted)
    {
        var outcome = PyroHandshake.Answer(connect, daemon, admitted, (connection.RemoteEndPoint as System.Net.IPEndPoint)?.Address);
        if (outcome is PyroHandshakeResult.Accepted accepted)
        {
            await SendAsync(PyroMessageType.ConnectOk, accepted.Flags, connect.Sequence, accepted.Serializer.Id,
                accepted.Serializer.Serialize(accepted.Reply), CorrelationFor(connect), connect.Has(PyroFlags.Compressed));
            return true;
        }
        var refused = (PyroHandshakeResult.Refused)outcome;
        // A client refused for its address is the operator's business (a probe, or a list to extend): a warning.
        if (refused.Problem == PyroProblem.ClientNotAllowed) Log.ClientRefused(logger, daemon.Name, connection.RemoteEndPoint, refused.Reason);
        else Log.FramingError(logger, connection.RemoteEndPoint, "handshake refused: " + refused.Reason);
        _watch.Diagnose(refused.Problem, PyroDoctor.Refusal(refused, connect, daemon));
        _watch.ClosedBy(client: false, "refused: " + refused.Reason);
        await SendConnectFailAsync(connect.Sequence, refused.Serializer, refused.Reason);
        return false;
    }

    /// <summary>Serves one message after the handshake; false closes the connection (§2.7).</summary>
    private async Task<bool> ServeAsync(PyroMessage message)
    {
        var serializer = daemon.Options.Serializers.Find(message.SerializerId);
        switch (message.Type)
        {
            case PyroMessageType.Ping:
                VerifyHmac(message);
                await SendAsync(PyroMessageType.Ping, PyroFlags.None, message.Sequence, message.SerializerId, "pong"u8.ToArray(), CorrelationFor(message));
                return true;
            case PyroMessageType.Invoke when serializer is not null:
                VerifyHmac(message);
                await InvokeAsync(message, serializer);
                return true;
            default:
                var reason = message.Type == PyroMessageType.Invoke
                    ? daemon.Options.Serializers.RefusalText(message.SerializerId)
                    : $"invalid msg type {(ushort)message.Type} received";
                Log.FramingError(logger, connection.RemoteEndPoint, reason);
                _watch.Diagnose(PyroDoctor.Unexpected(message));
                _watch.ClosedBy(client: false, reason);
                return false;
        }
    }

    private void VerifyHmac(in PyroMessage message)
    {
        try { PyroHmac.Verify(daemon.Options.HmacKey, message); }
        catch (PyroSecurityException)
        {
            _watch.Diagnose(PyroProblem.Hmac, PyroDoctor.Hmac(daemon, message));
            throw;
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

        _watch.Called(call.ObjectId, call.Method);
        var batch = message.Has(PyroFlags.Batch) && call.Method == "<batch>";
        if (message.Has(PyroFlags.Oneway))
        {
            // No reply at all, even on failure (§3.5).
            await _oneway.StartAsync(call, () => CallAsync(call, batch), _closing.Token);
            return;
        }

        object? result;
        try { result = await CallAsync(call, batch); }
        catch (Exception e)
        {
            if (PyroDoctor.CallFailed(call, e, daemon) is var (problem, diagnosis)) _watch.Diagnose(problem, diagnosis);
            await SendExceptionAsync(message, serializer, e, compress);
            return;
        }

        using var payload = new PooledBuffer();
        try { await serializer.SerializeAsync(result, payload, connection.ConnectionClosed); }
        catch (Exception e) when (result is PyListStream { SourceFailed: true })
        {
            // The listing's own read failed midway (the database): the call failed, as if the method had raised.
            await SendExceptionAsync(message, serializer, e, compress);
            return;
        }
        catch (Exception e)
        {
            await SendExceptionAsync(message, serializer, PyException.SerializeError($"cannot serialize the result of {call.Method}: {e.Message}"), compress);
            return;
        }
        var flags = batch ? PyroFlags.Batch : PyroFlags.None;
        await SendAsync(PyroMessageType.Result, flags, message.Sequence, serializer.Id, payload.Written, CorrelationFor(message), compress);
    }

    private async Task<object?> CallAsync(PyroCall call, bool batch) =>
        batch ? await RunBatchAsync(call) : await daemon.InvokeAsync(call, _context);

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
                var result = await daemon.InvokeAsync(call, _context);
                // A batch's results travel in one list, which a stream cannot be part of.
                results.Add(result is PyListStream stream ? await stream.ToListAsync(_context.Cancellation) : result);
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
