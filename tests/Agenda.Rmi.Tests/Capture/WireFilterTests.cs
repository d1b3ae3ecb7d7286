using System.Net;
using Agenda.Rmi.Capture;

namespace Agenda.Rmi.Tests.Capture;

public class WireFilterTests
{
    private static WireConversation Conversation(long id, string listener, params string[] calls) => new(id, listener,
        new IPEndPoint(IPAddress.Loopback, 50000), new IPEndPoint(IPAddress.Loopback, 9095), DateTimeOffset.UnixEpoch,
        null, null, null, calls, calls.Length * 2, null);

    private static readonly WireConversation[] All =
    [
        Conversation(1, "name server", "Pyro.NameServer.lookup"),
        Conversation(2, "objects", "KLEIN_ROCHA.inserir", "KLEIN_ROCHA.buscar"),
        Conversation(3, "objects", "agenda.contacts.list"),
        Conversation(4, "objects"),
    ];

    [Theory]
    [InlineData(null, null, null, "4 3 2 1")]
    [InlineData("objects", null, null, "4 3 2")]
    [InlineData("Name Server", null, null, "1")]
    [InlineData(null, "klein", null, "2")]
    [InlineData(null, "agenda.contacts", null, "3")]
    [InlineData(null, null, "list", "3")]
    [InlineData(null, "KLEIN_ROCHA", "list", "")]
    [InlineData(null, "NameServer", "lookup", "1")]
    [InlineData("objects", "Pyro", null, "")]
    public void ListenerObjectAndMethodNarrowNewestFirst(string? listener, string? objectId, string? method, string expected)
    {
        var shown = new WireFilter(listener, objectId, method).Apply(All, 10);

        Assert.Equal(expected, string.Join(' ', shown.Select(c => c.Id)));
    }

    [Fact]
    public void ApplyKeepsOnlyTheNewestUpToTheLimit()
    {
        Assert.Equal([4L, 3L], new WireFilter().Apply(All, 2).Select(c => c.Id));
    }
}
