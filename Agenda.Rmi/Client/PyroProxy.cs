using System.Buffers;
using System.Collections;
using System.IO.Pipelines;
using System.Net.Sockets;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Client;

/// <summary>
/// A connection to one Pyro4 object, for .NET callers, as Pyro4's <c>Proxy</c>: one TCP connection, a CONNECT handshake
/// that fetches the object's metadata, then one call at a time (concurrent callers wait their turn). Results come back
/// in the value model listed on <see cref="Python.PyValue"/>. Dispose the proxy to close the connection.
/// </summary>
/// <remarks>
/// Errors: <see cref="PyroRemoteException"/> when the remote method raised (the connection stays usable);
/// <see cref="PyroCommunicationException"/> when the connection is refused, lost or breaks the protocol;
/// <see cref="PyroSecurityException"/> when a reply is not signed with <see cref="PyroProxyOptions.HmacKey"/>;
/// <see cref="TimeoutException"/> when connecting or a call takes longer than <see cref="PyroProxyOptions.Timeout"/>.
/// After a lost connection, a timeout or a cancelled call the connection is closed, so that a late reply is never
/// taken for the next call's; later calls throw <see cref="PyroCommunicationException"/>. There is no automatic
/// reconnect: open a new proxy.
/// </remarks>
public sealed class PyroProxy : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PyroMessageReader _reader;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ushort _sequence;
    private string? _closedBecause;
    private int _disposed;

    private PyroProxy(TcpClient tcp, string objectId, PyroProxyOptions options)
    {
        (_tcp, ObjectId, Options) = (tcp, objectId, options);
        _stream = tcp.GetStream();
        _input = PipeReader.Create(_stream);
        _reader = new PyroMessageReader(options.MaxMessageBytes);
    }

    /// <summary>The object this proxy calls, e.g. <c>agenda.contacts</c>.</summary>
    public string ObjectId { get; }
    public PyroProxyOptions Options { get; }

    /// <summary>The object's exposed methods, as the daemon listed them at connect.</summary>
    public IReadOnlySet<string> Methods { get; private set; } = new HashSet<string>();

    /// <summary>Methods the daemon declared oneway: <see cref="InvokeAsync"/> sends them and returns null without a reply.</summary>
    public IReadOnlySet<string> Oneway { get; private set; } = new HashSet<string>();

    /// <summary>The object's exposed attributes (<see cref="GetAttributeAsync"/>, <see cref="SetAttributeAsync"/>).</summary>
    public IReadOnlySet<string> Attributes { get; private set; } = new HashSet<string>();

    /// <summary>Connects to <c>PYRO:objectId@host:port</c> and performs the handshake, fetching the object's metadata.</summary>
    /// <exception cref="PyroCommunicationException">Nothing listens there, or the daemon refused (e.g. unknown object).</exception>
    /// <exception cref="TimeoutException">Connect and handshake took longer than <see cref="PyroProxyOptions.Timeout"/>.</exception>
    public static async Task<PyroProxy> ConnectAsync(string host, int port, string objectId, PyroProxyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new PyroProxyOptions();
        var tcp = new TcpClient { NoDelay = true };
        PyroProxy? proxy = null;
        using var deadline = Deadline(options.Timeout, cancellationToken);
        try
        {
            await tcp.ConnectAsync(host, port, deadline.Token);
            proxy = new PyroProxy(tcp, objectId, options);
            await proxy.HandshakeAsync(deadline.Token);
            return proxy;
        }
        catch (Exception e)
        {
            if (proxy is not null) await proxy.DisposeAsync();
            tcp.Dispose();
            if (Failure(e, $"connecting to PYRO:{objectId}@{host}:{port}", options.Timeout, cancellationToken) is { } failure) throw failure;
            throw;
        }
    }

    /// <summary>Connects to a <c>PYRO:object@host:port</c> URI; resolve PYRONAME ones with <see cref="NameServerProxy.OpenAsync"/>.</summary>
    public static Task<PyroProxy> ConnectAsync(PyroUri uri, PyroProxyOptions? options = null, CancellationToken cancellationToken = default) =>
        uri.Protocol == "PYRO" && uri.Host is { } host && uri.Port is { } port
            ? ConnectAsync(host, port, uri.Object, options, cancellationToken)
            : throw new ArgumentException($"a PYRO:object@host:port URI is needed, not {uri} (resolve PYRONAME with NameServerProxy)", nameof(uri));

    /// <summary>
    /// Calls <paramref name="method"/> with positional and keyword arguments and returns its result (null for a oneway
    /// method). Errors are those listed on <see cref="PyroProxy"/>.
    /// </summary>
    public Task<object?> InvokeAsync(string method, IReadOnlyList<object?>? args = null,
        IReadOnlyDictionary<object, object?>? kwargs = null, CancellationToken cancellationToken = default) =>
        CallAsync(new PyroCall(ObjectId, method, args ?? [], kwargs ?? PyroCall.NoKeywords), Oneway.Contains(method), cancellationToken);

    /// <summary>Reads an exposed attribute (Pyro4's <c>__getattr__</c>).</summary>
    public Task<object?> GetAttributeAsync(string name, CancellationToken cancellationToken = default) =>
        CallAsync(new PyroCall(ObjectId, "__getattr__", [name], PyroCall.NoKeywords), oneway: false, cancellationToken);

    /// <summary>Writes an exposed attribute (Pyro4's <c>__setattr__</c>).</summary>
    public Task SetAttributeAsync(string name, object? value, CancellationToken cancellationToken = default) =>
        CallAsync(new PyroCall(ObjectId, "__setattr__", [name, value], PyroCall.NoKeywords), oneway: false, cancellationToken);

    private async Task<object?> CallAsync(PyroCall call, bool oneway, CancellationToken cancellationToken)
    {
        var payload = Options.Serializer.SerializeCall(call); // a value that cannot be serialized fails here, before anything is sent
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_closedBecause is { } reason)
                throw new PyroCommunicationException($"the connection to {ObjectId} was closed after: {reason}; open a new proxy");
            PyroMessage reply;
            using var deadline = Deadline(Options.Timeout, cancellationToken);
            try
            {
                var sequence = ++_sequence;
                await SendAsync(PyroMessageType.Invoke, oneway ? PyroFlags.Oneway : PyroFlags.None, sequence, payload, deadline.Token);
                if (oneway) return null;
                reply = await ReceiveAsync(PyroMessageType.Result, deadline.Token);
                if (reply.Sequence != sequence)
                    throw new PyroCommunicationException($"invoke: reply sequence out of sync, got {reply.Sequence} expected {sequence}");
            }
            catch (Exception e)
            {
                // Where the stream stands is unknown now: a late reply would be read as the next call's.
                var failure = Failure(e, $"calling {ObjectId}.{call.Method}", Options.Timeout, cancellationToken);
                Close((failure ?? e).Message);
                if (failure is not null) throw failure;
                throw;
            }
            return Result(reply); // a remote exception or a bad signature leaves the stream in step: the connection stays
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var request = new Dictionary<object, object?> { ["handshake"] = "hello", ["object"] = ObjectId };
        await SendAsync(PyroMessageType.Connect, PyroFlags.MetaOnConnect, _sequence, Options.Serializer.Serialize(request), cancellationToken);
        var reply = await ReceiveAsync(null, cancellationToken);
        var value = Deserialize(reply);
        if (reply.Type == PyroMessageType.ConnectFail) throw new PyroCommunicationException($"connection rejected: {value}");
        if (reply.Type != PyroMessageType.ConnectOk) throw new PyroCommunicationException($"invalid msg type {(ushort)reply.Type} received");
        if (value is IDictionary { } dict && dict["meta"] is IDictionary meta)
        {
            Methods = Names(meta["methods"]);
            Oneway = Names(meta["oneway"]);
            Attributes = Names(meta["attrs"]);
        }
    }

    private static HashSet<string> Names(object? value) =>
        value is IEnumerable names ? names.Cast<object?>().OfType<string>().ToHashSet(StringComparer.Ordinal) : [];

    private object? Result(PyroMessage reply)
    {
        var value = Deserialize(reply);
        if (reply.Has(PyroFlags.Exception))
            throw PyroRemoteException.TryFrom(value, out var remote) ? remote : new PyroCommunicationException("invalid exception reply");
        return value;
    }

    private object? Deserialize(PyroMessage reply)
    {
        PyroHmac.Verify(Options.HmacKey, reply);
        var serializer = PyroSerializers.Default.Find(reply.SerializerId)
            ?? throw new PyroCommunicationException($"invalid serializer in response: {reply.SerializerId}");
        ReadOnlyMemory<byte> data;
        try { data = PyroCompression.PayloadOf(reply, Options.MaxMessageBytes); }
        catch (PyroProtocolException e) { throw new PyroCommunicationException(e.Message, e); }
        return serializer.Deserialize(data.Span);
    }

    private async Task SendAsync(PyroMessageType type, PyroFlags flags, ushort sequence, byte[] payload, CancellationToken cancellationToken)
    {
        (payload, flags) = PyroCompression.ForSending(payload, flags, Options.Compression);
        var annotations = PyroHmac.Sign(Options.HmacKey, payload, PyroMessage.NoAnnotations);
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(type, flags, sequence, Options.Serializer.Id, annotations, payload));
        await _stream.WriteAsync(bytes, cancellationToken);
    }

    private async Task<PyroMessage> ReceiveAsync(PyroMessageType? expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            try
            {
                if (_reader.TryRead(ref buffer, out var message))
                    return expected is null || message.Type == expected ? message
                        : throw new PyroCommunicationException($"invalid msg type {(ushort)message.Type} received");
                if (result.IsCompleted) throw new PyroCommunicationException("receiving: not enough data (connection closed)");
            }
            finally
            {
                _input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>
    /// What a transport failure becomes for the caller: the deadline passing is a <see cref="TimeoutException"/>, socket
    /// and framing errors a <see cref="PyroCommunicationException"/>; null keeps the exception as it is (the caller's own
    /// cancellation, or one already in Pyro's terms).
    /// </summary>
    private static Exception? Failure(Exception e, string doing, TimeSpan timeout, CancellationToken callerToken) => e switch
    {
        OperationCanceledException when !callerToken.IsCancellationRequested =>
            new TimeoutException($"{doing} timed out after {timeout.TotalSeconds:0.###} s", e),
        SocketException or IOException or PyroProtocolException => new PyroCommunicationException($"{doing}: {e.Message}", e),
        _ => null,
    };

    private void Close(string reason)
    {
        _closedBecause ??= reason;
        _tcp.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _input.CompleteAsync();
        _tcp.Dispose();
        _lock.Dispose();
    }
}
