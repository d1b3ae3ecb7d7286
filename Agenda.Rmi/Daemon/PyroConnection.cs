using System.Buffers;
using System.IO.Pipelines;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// One client connection, one sequential loop (§2.1): AWAIT_CONNECT → CONNECTOK → READY, then read → dispatch → write.
/// Framing errors close the connection (with CONNECTFAIL while still in the handshake); errors inside a call become
/// exception RESULTs and the connection lives on.
/// </summary>
internal sealed partial class PyroConnection(PyroDaemon daemon, ConnectionContext connection, ILogger logger)
{
    private readonly PyroMessageReader _reader = new(daemon.Options.MaxMessageBytes);
    private readonly PipeReader _input = connection.Transport.Input;
    private readonly PipeWriter _output = connection.Transport.Output;
    private readonly RemoteCallContext _context = new(connection.RemoteEndPoint, connection.ConnectionClosed);
    // Kestrel asks connections to close when the host stops; an idle Pyro connection honours that at once.
    private readonly CancellationToken _closeRequested = CloseRequested(connection);
    // Linked once per connection, not per read: waiting between messages is the hot path.
    private readonly CancellationTokenSource _closing =
        CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, CloseRequested(connection));
    private readonly OnewayCalls _oneway = new(daemon.Options.MaxOnewayCallsPerConnection, logger);
    private readonly ConnectionWatch _watch =
        new(daemon.Options.Observer?.Open(daemon.Name, connection.RemoteEndPoint, connection.LocalEndPoint) ?? UnwatchedConnection.Instance);
    private bool _connected;
    private long _pending; // bytes of a message still incomplete, for the doctor when it stalls

    public async Task RunAsync(bool admitted)
    {
        try
        {
            if (await ReadMessageAsync() is not { } connect) return;
            if (!await HandshakeAsync(connect, admitted)) return;
            _connected = true;
            while (await ReadMessageAsync() is { } message)
            {
                if (!await ServeAsync(message)) return;
            }
        }
        catch (PyroProtocolException e) when (!_connected)
        {
            Log.FramingError(logger, connection.RemoteEndPoint, e.Message);
            if (!_watch.Diagnosed) _watch.Diagnose(PyroDoctor.Payload(e, daemon));
            _watch.ClosedBy(client: false, e.Message);
            await SendConnectFailAsync(0, JsonPyroSerializer.Instance, e.Message);
        }
        catch (PyroProtocolException e)
        {
            Log.FramingError(logger, connection.RemoteEndPoint, e.Message);
            if (!_watch.Diagnosed) _watch.Diagnose(PyroDoctor.Payload(e, daemon));
            _watch.ClosedBy(client: false, e.Message);
        }
        catch (PyroSecurityException e)
        {
            Log.FramingError(logger, connection.RemoteEndPoint, e.Message);
            _watch.ClosedBy(client: false, e.Message);
        }
        catch (TimeoutException)
        {
            Log.Stalled(logger, connection.RemoteEndPoint, daemon.Options.PartialMessageTimeout);
            _watch.Diagnose(PyroProblem.Stalled, PyroDoctor.Stalled(_pending, _connected, daemon.Options.PartialMessageTimeout));
            _watch.ClosedBy(client: false, "the message stalled");
        }
        finally
        {
            await _oneway.DisposeAsync();
            _closing.Dispose();
            _watch.Finished();
        }
    }

    private static CancellationToken CloseRequested(ConnectionContext connection) =>
        connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;

    /// <summary>The next whole message, or null when the peer closed the connection (mid-message or not).</summary>
    private async Task<PyroMessage?> ReadMessageAsync()
    {
        var partial = !_connected;
        while (true)
        {
            ReadResult result;
            try { result = await ReadAsync(partial); }
            catch (OperationCanceledException) when (_closeRequested.IsCancellationRequested)
            {
                _watch.ClosedBy(client: false, "the server is shutting down");
                return null;
            }
            catch (OperationCanceledException) when (!connection.ConnectionClosed.IsCancellationRequested) { throw new TimeoutException(); }

            var buffer = result.Buffer;
            var examined = buffer.End;
            try
            {
                if (ReadOne(ref buffer, out var message))
                {
                    // Examined only up to this message: the next ones may be here already (oneway calls are sent
                    // back to back), and the next read must return them instead of waiting for more bytes.
                    examined = buffer.Start;
                    _watch.Message(fromClient: true, result.Buffer.Slice(0, buffer.Start));
                    return message;
                }
                if (result.IsCompleted)
                {
                    _watch.ClosedBy(client: true, buffer.IsEmpty ? "the client closed the connection" : "the client closed the connection mid-message");
                    if (!buffer.IsEmpty)
                    {
                        Log.Truncated(logger, connection.RemoteEndPoint, buffer.Length);
                        _watch.Message(fromClient: true, buffer);
                        _watch.Diagnose(PyroProblem.Truncated, PyroDoctor.Truncated(buffer.Length));
                    }
                    return null;
                }
                partial = !_connected || !buffer.IsEmpty;
                _pending = buffer.Length;
            }
            finally
            {
                _input.AdvanceTo(buffer.Start, examined);
            }
        }
    }

    /// <summary>The reader's TryRead, with a refused message shown to the watch before the connection closes.</summary>
    private bool ReadOne(ref ReadOnlySequence<byte> buffer, out PyroMessage message)
    {
        try { return _reader.TryRead(ref buffer, out message); }
        catch (PyroProtocolException e)
        {
            _watch.Message(fromClient: true, buffer);
            _watch.Diagnose(PyroDoctor.Framing(buffer, e, daemon));
            throw;
        }
    }

    // Idle time between messages is unlimited (Pyro4 proxies stay connected); a started message or the awaited CONNECT
    // must make progress within the timeout, measured on the daemon's clock. Idle reads, the hot path, allocate nothing.
    private ValueTask<ReadResult> ReadAsync(bool partial) =>
        partial ? ReadBeforeStallAsync() : _input.ReadAsync(_closing.Token);

    private async ValueTask<ReadResult> ReadBeforeStallAsync()
    {
        using var stalled = new CancellationTokenSource(daemon.Options.PartialMessageTimeout, daemon.Options.Time);
        using var closingOrStalled = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token, stalled.Token);
        return await _input.ReadAsync(closingOrStalled.Token);
    }

    private Task SendAsync(PyroMessageType type, PyroFlags flags, ushort sequence, ushort serializerId, byte[] payload,
        byte[]? correlation, bool compress = false) =>
        SendAsync(type, flags, sequence, serializerId, new ReadOnlySequence<byte>(payload), correlation, compress);

    private async Task SendAsync(PyroMessageType type, PyroFlags flags, ushort sequence, ushort serializerId, ReadOnlySequence<byte> payload,
        byte[]? correlation, bool compress = false)
    {
        (payload, flags) = PyroCompression.ForSending(payload, flags, compress);
        var annotations = correlation is null
            ? PyroMessage.NoAnnotations
            : new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["CORR"] = correlation };
        annotations = PyroHmac.Sign(daemon.Options.HmacKey, payload, annotations);
        await _watch.WriteAsync(_output, type, flags, sequence, serializerId, annotations, payload, connection.ConnectionClosed);
    }

    private Task SendConnectFailAsync(ushort sequence, IPyroSerializer serializer, string reason) =>
        SendAsync(PyroMessageType.ConnectFail, PyroFlags.None, sequence, serializer.Id, serializer.Serialize(reason), null);

    /// <summary>Echo the request's CORR, or a fresh random id as the Python daemon does (§2.5).</summary>
    private static byte[] CorrelationFor(in PyroMessage request) =>
        request.Annotations.TryGetValue("CORR", out var corr) ? corr : Guid.NewGuid().ToByteArray();

    private ReadOnlySpan<byte> Payload(in PyroMessage message) => PyroCompression.PayloadOf(message, daemon.Options.MaxMessageBytes).Span;

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Pyro connection {Peer} closed: {Reason}")]
        public static partial void FramingError(ILogger logger, System.Net.EndPoint? peer, string reason);

        [LoggerMessage(LogLevel.Warning, "Pyro {Daemon}: refused {Peer}: {Reason}")]
        public static partial void ClientRefused(ILogger logger, string daemon, System.Net.EndPoint? peer, string reason);

        [LoggerMessage(LogLevel.Information, "Pyro connection {Peer} dropped: a message stalled for more than {Timeout}")]
        public static partial void Stalled(ILogger logger, System.Net.EndPoint? peer, TimeSpan timeout);

        [LoggerMessage(LogLevel.Information, "Pyro connection {Peer} closed in the middle of a message ({Bytes} bytes pending)")]
        public static partial void Truncated(ILogger logger, System.Net.EndPoint? peer, long bytes);
    }
}
