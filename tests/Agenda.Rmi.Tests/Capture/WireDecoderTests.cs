using System.Net;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Decoding;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Capture;

public class WireDecoderTests
{
    private static readonly IPEndPoint Client = new(IPAddress.Loopback, 50000);

    private static IReadOnlyList<WireMessageView> Decode(string listener, params (WireDirection Direction, byte[] Bytes)[] messages)
    {
        var conversation = new WireConversation(1, listener, Client, new IPEndPoint(IPAddress.Loopback, 9090),
            DateTimeOffset.UnixEpoch, null, null, null, [], messages.Length, null);
        var number = 0;
        return WireDecoder.Decode(conversation, messages.Select(m =>
            new WireMessageRecord(1, ++number, DateTimeOffset.UnixEpoch, m.Direction, 0, m.Bytes.Length, m.Bytes)));
    }

    private static byte[] Message(PyroMessageType type, ushort seq, object? value, PyroFlags flags = PyroFlags.None, IPyroSerializer? serializer = null)
    {
        serializer ??= SerpentPyroSerializer.Instance;
        return PyroMessageWriter.ToArray(new PyroMessage(type, flags, seq, serializer.Id, PyroMessage.NoAnnotations, serializer.Serialize(value)));
    }

    private static byte[] Invoke(ushort seq, string objectId, string method, params object?[] args) =>
        PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Invoke, PyroFlags.None, seq, 1, PyroMessage.NoAnnotations,
            SerpentPyroSerializer.Instance.SerializeCall(new PyroCall(objectId, method, args, PyroCall.NoKeywords))));

    [Fact]
    public void ThePythonClientsNameServerLookupReadsAsTheStudyTellsIt()
    {
        var views = Decode("name server",
            (WireDirection.FromClient, GoldenMessages.Connect), (WireDirection.ToClient, GoldenMessages.ConnectOk),
            (WireDirection.FromClient, GoldenMessages.Invoke), (WireDirection.ToClient, GoldenMessages.Result));

        Assert.Equal(["CONNECT seq=0 Pyro.NameServer", "CONNECTOK seq=0", "INVOKE seq=1 Pyro.NameServer.lookup", "RESULT seq=1"],
            views.Select(v => v.Summary));
        Assert.Equal("The client greets the name server and asks for the object Pyro.NameServer, wanting its metadata in the answer.", views[0].Narration);
        Assert.Contains("7 methods", views[1].Narration);
        Assert.Equal("CORR", Assert.Single(views[1].Annotations).Key);
        Assert.Equal(16, views[1].Annotations[0].Length);
        Assert.Equal(("Pyro.NameServer", "lookup"), (views[2].Call!.Object, views[2].Call!.Method));
        Assert.Equal(["'Pyro.NameServer'"], views[2].Call!.Args);
        Assert.Equal("The name server answers: Pyro.NameServer is at PYRO:Pyro.NameServer@127.0.0.1:9090.", views[3].Narration);
        Assert.Equal("serpent", views[0].SerializerName);
        Assert.Equal("{'handshake':'hello','object':'Pyro.NameServer'}", views[0].PayloadText);
        Assert.All(views, v => Assert.True(v.Header!.Value.ChecksumValid));
    }

    [Fact]
    public void InserirAndItsResultNameTheContactAndTheNewId()
    {
        var contact = new Dictionary<object, object?> { ["__class__"] = "objeto_agenda.Objeto", ["FirstName"] = "Ana", ["Email"] = "ana@example.com" };
        var views = Decode("objects",
            (WireDirection.FromClient, Invoke(3, "KLEIN_ROCHA", "inserir", contact)),
            (WireDirection.ToClient, Message(PyroMessageType.Result, 3, 0L)));

        Assert.Equal("INVOKE seq=3 KLEIN_ROCHA.inserir", views[0].Summary);
        Assert.Contains("'FirstName': 'Ana'", views[0].Call!.Args[0]);
        Assert.Contains("KLEIN_ROCHA.inserir(", views[0].Narration);
        Assert.Equal("The daemon answers inserir with the new id 0.", views[1].Narration);
        Assert.Equal("0", views[1].ResultText);
    }

    [Fact]
    public void AnExceptionResultShowsTheClassMessageAndRemoteTraceback()
    {
        var error = PyroErrors.ToDict(PyException.KeyError("no contact with id 7"));
        var views = Decode("objects",
            (WireDirection.FromClient, Invoke(4, "KLEIN_ROCHA", "buscar", 7L)),
            (WireDirection.ToClient, Message(PyroMessageType.Result, 4, error, PyroFlags.Exception)));

        var raised = views[1].Error!;
        Assert.Equal(("builtins.KeyError", "no contact with id 7"), (raised.PythonClass, raised.Message));
        Assert.StartsWith("Traceback (most recent call last):", raised.Traceback);
        Assert.Equal("The daemon answers buscar with the exception builtins.KeyError: no contact with id 7", views[1].Narration);
    }

    [Fact]
    public void ACompressedPayloadIsInflatedAndBothSizesAreKnown()
    {
        var big = new string('x', 5000);
        var (payload, flags) = PyroCompression.ForSending(SerpentPyroSerializer.Instance.Serialize(big), PyroFlags.None, compress: true);
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Result, flags, 2, 1, PyroMessage.NoAnnotations, payload));

        var view = Assert.Single(Decode("objects", (WireDirection.ToClient, bytes)));
        Assert.True(view.Header!.Value.Flags.HasFlag(PyroFlags.Compressed));
        Assert.True(view.InflatedLength > view.Header.Value.DataSize);
        Assert.Contains("xxxx", view.PayloadText);
    }

    [Fact]
    public void APickleConnectIsNamedButNeverDecoded()
    {
        var bytes = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Connect, PyroFlags.None, 0, 4, PyroMessage.NoAnnotations,
            new byte[] { 0x80, 0x04, 0x95, 0x2e }));

        var view = Assert.Single(Decode("objects", (WireDirection.FromClient, bytes)));
        Assert.Equal("pickle", view.SerializerName);
        Assert.Null(view.PayloadText);
        Assert.Contains("never decoded", view.Note);
    }

    [Fact]
    public void BytesThatAreNotPyroAreSaidToBeSoAndHttpIsRecognised()
    {
        var view = Assert.Single(Decode("objects", (WireDirection.FromClient, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray())));
        Assert.Null(view.Header);
        Assert.Equal("?", view.TypeName);
        Assert.Contains("look like HTTP", view.Narration);
    }

    [Fact]
    public void AMessageKeptCutIsNotDecodedAndSaysWhy()
    {
        var full = Message(PyroMessageType.Result, 1, new string('y', 500));
        var record = new WireMessageRecord(1, 1, DateTimeOffset.UnixEpoch, WireDirection.ToClient, 0, full.Length, full[..100]);
        var conversation = new WireConversation(1, "objects", Client, Client, DateTimeOffset.UnixEpoch, null, null, null, [], 1, null);

        var view = Assert.Single(WireDecoder.Decode(conversation, [record]));
        Assert.Equal("RESULT seq=1", view.Summary);
        Assert.Contains($"kept cut at 100 of {full.Length:N0} bytes", view.Note);
    }

    [Fact]
    public void JsonPayloadsAreIndented()
    {
        var view = Assert.Single(Decode("objects",
            (WireDirection.ToClient, Message(PyroMessageType.Result, 1, new Dictionary<object, object?> { ["a"] = 1L }, serializer: JsonPyroSerializer.Instance))));
        Assert.Equal("json", view.SerializerName);
        Assert.Equal("{\n  \"a\": 1\n}", view.PayloadText);
    }
}
