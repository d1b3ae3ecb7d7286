using System.Net;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Decoding;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Capture;

public class WireMessagePageTests
{
    private static readonly WireConversation Conversation = new(1, "objects", new IPEndPoint(IPAddress.Loopback, 50000),
        new IPEndPoint(IPAddress.Loopback, 9095), DateTimeOffset.UnixEpoch, null, null, null, [], 6, null);

    // Three buscar calls and their answers: INVOKE, RESULT, INVOKE, RESULT, ...
    private static readonly IReadOnlyList<WireMessageRecord> Messages = [.. Enumerable.Range(1, 3).SelectMany(seq => new[]
    {
        Record(seq * 2 - 1, WireDirection.FromClient, PyroMessageType.Invoke, (ushort)seq,
            SerpentPyroSerializer.Instance.SerializeCall(new PyroCall("KLEIN_ROCHA", "buscar", [(long)seq], PyroCall.NoKeywords))),
        Record(seq * 2, WireDirection.ToClient, PyroMessageType.Result, (ushort)seq, SerpentPyroSerializer.Instance.Serialize("ok")),
    })];

    private static WireMessageRecord Record(int number, WireDirection direction, PyroMessageType type, ushort seq, byte[] payload)
    {
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(type, PyroFlags.None, seq, 1, PyroMessage.NoAnnotations, payload));
        return new WireMessageRecord(1, number, DateTimeOffset.UnixEpoch, direction, 0, bytes.Length, bytes);
    }

    [Fact]
    public void OnlyTheWindowIsReturnedWithTheTotalBeside()
    {
        var page = WireMessagePage.Decode(Conversation, Messages, 2, 2);

        Assert.Equal((2, 6), (page.Offset, page.Total));
        Assert.Equal([3, 4], page.Messages.Select(m => m.Record.Number));
    }

    [Fact]
    public void AResultAtTheTopOfTheWindowStillNamesItsMethod()
    {
        var page = WireMessagePage.Decode(Conversation, Messages, 3, 1);

        Assert.Equal("The daemon answers buscar with 'ok'.", Assert.Single(page.Messages).Narration);
    }

    [Fact]
    public void AWindowPastTheEndIsEmpty()
    {
        var page = WireMessagePage.Decode(Conversation, Messages, 6, 10);

        Assert.Empty(page.Messages);
        Assert.Equal(6, page.Total);
    }
}
