using System.Collections;
using System.Net;
using System.Text;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>The daemon's answer to a CONNECT, decided without a socket: each acceptance and each refusal.</summary>
public class PyroHandshakeTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("agenda-s3cret");
    private static readonly IPyroSerializer Json = JsonPyroSerializer.Instance;

    [Fact]
    public void ConnectAskingForMetadataIsAcceptedWithTheObjectsTables()
    {
        var accepted = Assert.IsType<PyroHandshakeResult.Accepted>(Answer(Connect()));

        Assert.Equal(PyroFlags.MetaOnConnect, accepted.Flags);
        Assert.Same(Json, accepted.Serializer);
        var reply = Assert.IsAssignableFrom<IDictionary>(accepted.Reply);
        Assert.Equal("hello", reply["handshake"]);
        var meta = Assert.IsAssignableFrom<IDictionary>(reply["meta"]);
        Assert.Contains("echo", (IEnumerable<object?>)meta["methods"]!);
        Assert.Equal(["record"], (IEnumerable<object?>)meta["oneway"]!);
    }

    [Fact]
    public void ConnectWithoutMetadataIsAcceptedWithHello()
    {
        var accepted = Assert.IsType<PyroHandshakeResult.Accepted>(Answer(Connect(flags: PyroFlags.None)));

        Assert.Equal(PyroFlags.None, accepted.Flags);
        Assert.Equal("hello", accepted.Reply);
    }

    [Fact]
    public void ConnectInSerpentIsAnsweredInSerpent()
    {
        var accepted = Assert.IsType<PyroHandshakeResult.Accepted>(Answer(Connect(serializer: SerpentPyroSerializer.Instance)));

        Assert.Same(SerpentPyroSerializer.Instance, accepted.Serializer);
    }

    [Fact]
    public void FirstMessageThatIsNoConnectIsRefused()
    {
        var refused = AssertRefused(Answer(Connect(type: PyroMessageType.Invoke)));

        Assert.Equal("invalid msg type 4 received", refused.Reason);
    }

    [Fact]
    public void ConnectionWithoutAFreeSlotIsRefusedAsPyroRefusesAFullThreadPool()
    {
        var refused = AssertRefused(Answer(Connect(), admitted: false));

        Assert.Equal("no free workers, increase server threadpool size", refused.Reason);
    }

    [Fact]
    public void UnsignedConnectToADaemonWithAKeyIsRefused()
    {
        var refused = AssertRefused(Answer(Connect(), new PyroDaemonOptions { HmacKey = Key }));

        Assert.Equal("hmac key config not symmetric", refused.Reason);
    }

    [Fact]
    public void SignedConnectToADaemonWithoutAKeyIsRefused()
    {
        var refused = AssertRefused(Answer(Connect(key: Key)));

        Assert.Equal("hmac key config not symmetric", refused.Reason);
    }

    [Fact]
    public void ConnectSignedWithAnotherKeyIsRefused()
    {
        var refused = AssertRefused(Answer(Connect(key: "wrong"u8.ToArray()), new PyroDaemonOptions { HmacKey = Key }));

        Assert.Equal("message hmac mismatch", refused.Reason);
    }

    [Fact]
    public void ConnectSignedWithTheSameKeyIsAccepted()
    {
        Assert.IsType<PyroHandshakeResult.Accepted>(Answer(Connect(key: Key), new PyroDaemonOptions { HmacKey = Key }));
    }

    [Fact]
    public void UnacceptedSerializerIsRefusedInJsonNamingWhatIsAccepted()
    {
        var refused = AssertRefused(Answer(Connect(serializerId: 4)));

        Assert.Same(Json, refused.Serializer);
        Assert.StartsWith("message used serializer that is not accepted: 4 (pickle); this server accepts", refused.Reason);
    }

    [Fact]
    public void UndecodablePayloadIsRefusedWithTheParsersComplaint()
    {
        var garbage = "{\"handshake\": "u8.ToArray();
        var complaint = Assert.ThrowsAny<Exception>(() => Json.Deserialize(garbage)).Message;

        var refused = AssertRefused(Answer(Message(PyroMessageType.Connect, PyroFlags.MetaOnConnect, Json.Id, garbage)));

        Assert.Equal(complaint, refused.Reason);
    }

    [Fact]
    public void PayloadWithoutAHandshakeEntryIsRefusedAsPyroReportsTheMissingKey()
    {
        var refused = AssertRefused(Answer(Connect(request: new Dictionary<string, object?> { ["object"] = RmiTestHost.ObjectId })));

        Assert.Equal("'handshake'", refused.Reason);
    }

    [Fact]
    public void MetadataForAnUnknownObjectIsRefused()
    {
        var refused = AssertRefused(Answer(Connect(request: new Dictionary<string, object?> { ["handshake"] = "hello", ["object"] = "nope" })));

        Assert.Equal("unknown object", refused.Reason);
    }

    [Fact]
    public void CompressedPayloadInflatingPastTheLimitIsAFramingErrorNotARefusal()
    {
        var request = new Dictionary<string, object?> { ["handshake"] = new string('x', 10_000), ["object"] = RmiTestHost.ObjectId };
        var connect = Message(PyroMessageType.Connect, PyroFlags.MetaOnConnect | PyroFlags.Compressed, Json.Id,
            PyroCompression.Compress(Json.Serialize(request)));

        Assert.Throws<PyroProtocolException>(() => Answer(connect, new PyroDaemonOptions { MaxMessageBytes = 1000 }));
    }

    [Fact]
    public void AClientOutsideAllowedClientsIsRefusedBeforeItsKeyIsChecked()
    {
        var options = new PyroDaemonOptions { AllowedClients = AllowedClients.Parse(["10.0.0.0/8"]), HmacKey = Key };

        var refused = AssertRefused(Answer(Connect(key: Key), options, client: IPAddress.Parse("192.0.2.7")));

        Assert.Equal(PyroProblem.ClientNotAllowed, refused.Problem);
        Assert.Equal("client 192.0.2.7 is not in Rmi:AllowedClients", refused.Reason);
        Assert.Equal(PyroProblem.ClientNotAllowed, AssertRefused(Answer(Connect(), options, client: IPAddress.Parse("192.0.2.7"))).Problem);
    }

    [Fact]
    public void AClientInsideAllowedClientsIsAcceptedAndAnUnknownAddressIsNot()
    {
        var options = new PyroDaemonOptions { AllowedClients = AllowedClients.Parse(["10.0.0.0/8"]) };

        Assert.IsType<PyroHandshakeResult.Accepted>(Answer(Connect(), options, client: IPAddress.Parse("::ffff:10.1.2.3")));
        Assert.Equal("client (address unknown) is not in Rmi:AllowedClients", AssertRefused(Answer(Connect(), options, client: null)).Reason);
        Assert.IsType<PyroHandshakeResult.Accepted>(Answer(Connect(), client: null)); // no list: nobody is asked for an address
    }

    private static PyroHandshakeResult Answer(PyroMessage connect, PyroDaemonOptions? options = null, bool admitted = true,
        IPAddress? client = null)
    {
        var daemon = new PyroDaemon("test", "127.0.0.1", 9999, options);
        daemon.Register(RmiTestHost.ObjectId, new TestObject());
        return PyroHandshake.Answer(connect, daemon, admitted, client);
    }

    private static PyroHandshakeResult.Refused AssertRefused(PyroHandshakeResult result) =>
        Assert.IsType<PyroHandshakeResult.Refused>(result);

    private static PyroMessage Connect(IReadOnlyDictionary<string, object?>? request = null, IPyroSerializer? serializer = null,
        ushort? serializerId = null, PyroFlags flags = PyroFlags.MetaOnConnect, PyroMessageType type = PyroMessageType.Connect,
        byte[]? key = null)
    {
        serializer ??= Json;
        request ??= new Dictionary<string, object?> { ["handshake"] = "hello", ["object"] = RmiTestHost.ObjectId };
        return Message(type, flags, serializerId ?? serializer.Id, serializer.Serialize(request), key);
    }

    private static PyroMessage Message(PyroMessageType type, PyroFlags flags, ushort serializerId, byte[] payload, byte[]? key = null) =>
        new(type, flags, 0, serializerId, PyroHmac.Sign(key, payload, PyroMessage.NoAnnotations), payload);
}
