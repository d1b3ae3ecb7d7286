using System.Collections;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Client;

/// <summary>A proxy for <c>Pyro.NameServer</c> with typed helpers, and PYRONAME resolution as Pyro4 clients do it (§6.7).</summary>
public sealed class NameServerProxy(PyroProxy proxy) : IAsyncDisposable
{
    public const string ObjectId = "Pyro.NameServer";

    public PyroProxy Proxy { get; } = proxy;

    public static async Task<NameServerProxy> ConnectAsync(string host, int port = PyroUri.DefaultNameServerPort,
        PyroProxyOptions? options = null, CancellationToken cancellationToken = default) =>
        new(await PyroProxy.ConnectAsync(host, port, ObjectId, options, cancellationToken));

    public async Task<PyroUri> LookupAsync(string name, CancellationToken cancellationToken = default) =>
        PyroUri.FromClassDict(await Proxy.InvokeAsync("lookup", [name], cancellationToken: cancellationToken));

    public Task RegisterAsync(string name, PyroUri uri, bool safe = false, IEnumerable<string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        Proxy.InvokeAsync("register", [name, uri.ToString(), safe],
            metadata is null ? null : new Dictionary<object, object?> { ["metadata"] = metadata.Cast<object?>().ToList() },
            cancellationToken);

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
    /// Opens a proxy for a URI: PYRO connects directly; PYRONAME asks the name server at the URI's location
    /// (default port 9090) and connects to what it returns.
    /// </summary>
    public static async Task<PyroProxy> OpenAsync(string uri, PyroProxyOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parsed = PyroUri.Parse(uri);
        if (parsed.Protocol == "PYRONAME")
        {
            await using var ns = await ConnectAsync(parsed.Host ?? "localhost", parsed.Port ?? PyroUri.DefaultNameServerPort, options, cancellationToken);
            parsed = await ns.LookupAsync(parsed.Object, cancellationToken);
        }
        return await PyroProxy.ConnectAsync(parsed, options, cancellationToken);
    }

    public ValueTask DisposeAsync() => Proxy.DisposeAsync();
}
