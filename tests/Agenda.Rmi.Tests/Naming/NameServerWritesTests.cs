using System.Net;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>Rmi:NameServerWrites, decided on the caller's endpoint as the daemon hands it to the name server.</summary>
public class NameServerWritesTests
{
    private const string SelfUri = "PYRO:Pyro.NameServer@127.0.0.1:9090";
    private static readonly RemoteCallContext Stranger = From("192.0.2.7");
    private static readonly RemoteCallContext Neighbour = From("10.1.2.3");

    private readonly NameTable _table = new();

    private static RemoteCallContext From(string address) => new(new IPEndPoint(IPAddress.Parse(address), 51234), CancellationToken.None);

    private NameServer Server(NameServerWrites writes, params string[] allowed) =>
        new(_table, PyroUri.Parse(SelfUri), new NameServerWritePolicy(writes, AllowedClients.Parse(allowed)));

    private static async Task<object?> Call(NameServer server, RemoteCallContext caller, string method, params object?[] positional)
    {
        var remote = server.Methods[method];
        return await remote.Handler(PyArguments.Bind(server.TypeName, remote, positional, []), caller);
    }

    [Fact]
    public async Task AnyoneMayWriteByDefaultAsInPyro4()
    {
        var server = new NameServer(_table, PyroUri.Parse(SelfUri));

        await Call(server, Stranger, "register", "x", "PYRO:x@h:1");

        Assert.Equal("PYRO:x@h:1", _table.Find("x")?.Uri);
    }

    [Theory]
    [InlineData("register", new object?[] { "x", "PYRO:evil@203.0.113.1:1" })]
    [InlineData("remove", new object?[] { "KLEIN_ROCHA" })]
    [InlineData("set_metadata", new object?[] { "KLEIN_ROCHA", null })]
    public async Task AStrangersWriteIsANamingErrorAndChangesNothing(string method, object?[] positional)
    {
        var server = Server(NameServerWrites.LoopbackAndAllowed, "10.0.0.0/8");
        _table.Set(new NameRegistration("KLEIN_ROCHA", "PYRO:KLEIN_ROCHA@127.0.0.1:9095", new HashSet<string>(StringComparer.Ordinal) { "agenda" }));

        var error = await Assert.ThrowsAsync<PyException>(() => Call(server, Stranger, method, positional));

        Assert.Equal("Pyro4.errors.NamingError", error.PythonClass);
        Assert.Equal($"{method} refused: client 192.0.2.7 may not change the name server " +
            "(Rmi:NameServerWrites is LoopbackAndAllowed; only loopback clients and Rmi:AllowedClients may)", error.Message);
        Assert.Null(_table.Find("x"));
        Assert.Equal(["agenda"], _table.Find("KLEIN_ROCHA")!.Metadata);
    }

    [Fact]
    public async Task LoopbackAndAllowedClientsMayWriteAndStrangersMayStillRead()
    {
        var server = Server(NameServerWrites.LoopbackAndAllowed, "10.0.0.0/8");

        await Call(server, From("127.0.0.1"), "register", "local", "PYRO:a@h:1");
        await Call(server, From("::1"), "register", "local6", "PYRO:b@h:1");
        await Call(server, From("::ffff:10.1.2.3"), "register", "neighbour", "PYRO:c@h:1");
        await Call(server, Neighbour, "remove", "local6");

        Assert.NotNull(await Call(server, Stranger, "lookup", "local"));
        Assert.Equal(3L, await Call(server, Stranger, "count")); // itself, local, neighbour
    }

    [Fact]
    public async Task WithNoAllowedListOnlyLoopbackMayWrite()
    {
        var server = Server(NameServerWrites.LoopbackAndAllowed);

        await Call(server, From("127.0.0.5"), "register", "local", "PYRO:a@h:1");
        await Assert.ThrowsAsync<PyException>(() => Call(server, Neighbour, "register", "x", "PYRO:x@h:1"));
        await Assert.ThrowsAsync<PyException>(() => Call(server, RemoteCallContext.None, "register", "x", "PYRO:x@h:1"));
    }
}
