using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>A name server on a fresh table, called through its method table with Python-style binding, as the daemon does.</summary>
public abstract class NameServerFixture
{
    protected const string SelfUri = "PYRO:Pyro.NameServer@127.0.0.1:9090";

    protected NameServerFixture() => Server = new NameServer(Table, PyroUri.Parse(SelfUri));

    protected NameTable Table { get; } = new();
    protected NameServer Server { get; }

    protected async Task<object?> Call(string method, object?[] positional, params (string Name, object? Value)[] keywords)
    {
        var remote = Server.Methods[method];
        var args = PyArguments.Bind(Server.TypeName, remote, positional,
            keywords.Select(k => new KeyValuePair<object, object?>(k.Name, k.Value)));
        return await remote.Handler(args, RemoteCallContext.None);
    }

    protected async Task<PyException> Raises(string method, object?[] positional, params (string, object?)[] keywords) =>
        await Assert.ThrowsAsync<PyException>(() => Call(method, positional, keywords));

    protected async Task<Dictionary<object, object?>> List(params (string, object?)[] keywords) =>
        Assert.IsType<Dictionary<object, object?>>(await Call("list", [], keywords));

    protected static HashSet<object> Set(params string[] items) => new(items, PyComparer.Instance);
}
