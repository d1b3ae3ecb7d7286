using System.Buffers;
using System.Collections;
using System.IO.Pipelines;
using System.Net.Sockets;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Client;

/// <summary>
/// A Pyro4 proxy for .NET callers: one TCP connection, CONNECT with metadata, then sequential INVOKEs (calls are
/// serialised, as in Pyro4). Remote exceptions surface as <see cref="PyroRemoteException"/>.
/// </summary>
public sealed class PyroProxy : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PyroMessageReader _reader;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ushort _sequence;

    private PyroProxy(TcpClient tcp, string objectId, PyroProxyOptions options)
    {
        (_tcp, ObjectId, Options) = (tcp, objectId, options);
        _stream = tcp.GetStream();
        _input = PipeReader.Create(_stream);
        _reader = new PyroMessageReader(options.MaxMessageBytes);
    }

    public string ObjectId { get; }
    public PyroProxyOptions Options { get; }
    public IReadOnlySet<string> Methods { get; private set; } = new HashSet<string>();
    public IReadOnlySet<string> Oneway { get; private set; } = new HashSet<string>();
    public IReadOnlySet<string> Attributes { get; private set; } = new HashSet<string>();

    /// <summary>Connects to <c>PYRO:objectId@host:port</c> and performs the handshake, fetching the object's metadata.</summary>
    public static async Task<PyroProxy> ConnectAsync(string host, int port, string objectId, PyroProxyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new PyroProxyOptions();
        var tcp = new TcpClient { NoDelay = true };
        PyroProxy? proxy = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await tcp.ConnectAsync(host, port, timeout.Token);
            proxy = new PyroProxy(tcp, objectId, options);
            await proxy.HandshakeAsync(timeout.Token);
            return proxy;
        }
        catch
        {
            if (proxy is not null) await proxy.DisposeAsync();
            tcp.Dispose();
            throw;
        }
    }

    public static Task<PyroProxy> ConnectAsync(PyroUri uri, PyroProxyOptions? options = null, CancellationToken cancellationToken = default) =>
        uri.Protocol == "PYRO" && uri.Host is { } host && uri.Port is { } port
            ? ConnectAsync(host, port, uri.Object, options, cancellationToken)
            : throw new ArgumentException($"a PYRO:object@host:port URI is needed, not {uri} (resolve PYRONAME with NameServerProxy)", nameof(uri));

    /// <summary>Calls a method and returns its result in the value model; remote failures throw <see cref="PyroRemoteException"/>.</summary>
    public async Task<object?> InvokeAsync(string method, IReadOnlyList<object?>? args = null,
        IReadOnlyDictionary<object, object?>? kwargs = null, CancellationToken cancellationToken = default)
    {
        var oneway = Oneway.Contains(method);
        var reply = await CallAsync(new PyroCall(ObjectId, method, args ?? [], kwargs ?? PyroCall.NoKeywords),
            oneway ? PyroFlags.Oneway : PyroFlags.None, cancellationToken);
        return reply is { } message ? Result(message) : null;
    }

    public Task<object?> GetAttributeAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeRawAsync("__getattr__", [name], cancellationToken);

    public Task SetAttributeAsync(string name, object? value, CancellationToken cancellationToken = default) =>
        InvokeRawAsync("__setattr__", [name, value], cancellationToken);

    private async Task<object?> InvokeRawAsync(string method, IReadOnlyList<object?> args, CancellationToken cancellationToken)
    {
        var reply = await CallAsync(new PyroCall(ObjectId, method, args, PyroCall.NoKeywords), PyroFlags.None, cancellationToken);
        return Result(reply!.Value);
    }

    private async Task<PyroMessage?> CallAsync(PyroCall call, PyroFlags flags, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var timeout = TimeoutToken(cancellationToken);
            var sequence = ++_sequence;
            await SendAsync(PyroMessageType.Invoke, flags, sequence, Options.Serializer.SerializeCall(call), timeout.Token);
            if (flags.HasFlag(PyroFlags.Oneway)) return null;
            var reply = await ReceiveAsync(PyroMessageType.Result, timeout.Token);
            return reply.Sequence == sequence ? reply
                : throw new PyroCommunicationException($"invoke: reply sequence out of sync, got {reply.Sequence} expected {sequence}");
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
        var data = PyroCompression.PayloadOf(reply, Options.MaxMessageBytes);
        return serializer.Deserialize(data);
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

    private CancellationTokenSource TimeoutToken(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(Options.Timeout);
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        await _input.CompleteAsync();
        _tcp.Dispose();
        _lock.Dispose();
    }
}
