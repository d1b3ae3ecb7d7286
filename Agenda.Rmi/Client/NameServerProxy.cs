using System.Collections;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Client;

/// <summary>
/// A proxy for a Pyro4 name server (<c>Pyro.NameServer</c>: Agenda's own or Python's) with typed helpers, and PYRONAME
/// resolution as Pyro4 clients do it (§6.7). Naming errors arrive as <see cref="PyroRemoteException"/> with
/// <c>Pyro4.errors.NamingError</c> as their <see cref="PyroRemoteException.PythonClass"/>.
/// </summary>
public sealed class NameServerProxy(PyroProxy proxy) : IAsyncDisposable
{
    public const string ObjectId = "Pyro.NameServer";

    /// <summary>The underlying proxy, for name server methods without a helper here.</summary>
    public PyroProxy Proxy { get; } = proxy;

    /// <summary>Connects to the name server at <paramref name="host"/>:<paramref name="port"/> (no broadcast discovery).</summary>
    public static async Task<NameServerProxy> ConnectAsync(string host, int port = PyroUri.DefaultNameServerPort,
        PyroProxyOptions? options = null, CancellationToken cancellationToken = default) =>
        new(await PyroProxy.ConnectAsync(host, port, ObjectId, options, cancellationToken));

    /// <summary>The URI registered under <paramref name="name"/>; an unknown name raises <c>NamingError</c>.</summary>
    public async Task<PyroUri> LookupAsync(string name, CancellationToken cancellationToken = default) =>
        PyroUri.FromClassDict(await Proxy.InvokeAsync("lookup", [name], cancellationToken: cancellationToken));

    /// <summary>Registers <paramref name="uri"/> as <paramref name="name"/>; with <paramref name="safe"/> an existing name raises <c>NamingError</c>.</summary>
    public Task RegisterAsync(string name, PyroUri uri, bool safe = false, IEnumerable<string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        Proxy.InvokeAsync("register", [name, uri.ToString(), safe],
            metadata is null ? null : new Dictionary<object, object?> { ["metadata"] = metadata.Cast<object?>().ToList() },
            cancellationToken);

    /// <summary>Removes a registration; returns how many were removed (0 or 1).</summary>
    public async Task<long> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        await Proxy.InvokeAsync("remove", [name], cancellationToken: cancellationToken) is long count ? count : 0;

    /// <summary>name → URI string, optionally only names starting with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var result = await Proxy.InvokeAsync("list", [prefix], cancellationToken: cancellationToken) as IDictionary;
        return result?.Keys.Cast<object>().ToDictionary(k => (string)k, k => result[k]?.ToString() ?? "") ?? [];
    }

    public Task PingAsync(CancellationToken cancellationToken = default) => Proxy.InvokeAsync("ping", cancellationToken: cancellationToken);

    /// <summary>
    /// Opens a proxy for a URI, as Pyro4's <c>Proxy(uri)</c> on first use: <c>PYRO:object@host:port</c> connects directly;
    /// <c>PYRONAME:name@host:port</c> asks the name server there (<c>PYRONAME:name</c> means localhost:9090; there is no
    /// broadcast discovery) and connects to the URI it returns, with the same options.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is not a PYRO or PYRONAME URI.</exception>
    /// <exception cref="PyroRemoteException">The name is not registered (<c>Pyro4.errors.NamingError</c>).</exception>
    public static async Task<PyroProxy> OpenAsync(string uri, PyroProxyOptions? options = null, CancellationToken cancellationToken = default)
    {
        PyroUri parsed;
        try { parsed = PyroUri.Parse(uri); }
        catch (PyException e) { throw new ArgumentException($"'{uri}' is not a Pyro URI: {e.Message}", nameof(uri), e); }
        if (parsed.Protocol == "PYRONAME")
        {
            await using var ns = await ConnectAsync(parsed.Host ?? "localhost", parsed.Port ?? PyroUri.DefaultNameServerPort, options, cancellationToken);
            parsed = await ns.LookupAsync(parsed.Object, cancellationToken);
        }
        return await PyroProxy.ConnectAsync(parsed, options, cancellationToken);
    }

    public ValueTask DisposeAsync() => Proxy.DisposeAsync();
}
