using System.Buffers;
using System.Net;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Web.Tests;

/// <summary>
/// Real Pyro4 messages fed to a <see cref="WireCapture"/> the way a daemon's connection will: the Python client's own
/// name-server lookup (bytes captured from Pyro4 4.82) and KLEIN_ROCHA calls built with our writer.
/// </summary>
internal static class WireTraffic
{
    public static WireConnectionTrace Open(WireCapture capture, string listener, int clientPort, int serverPort = 9095) =>
        new(capture, capture.Open(listener, new IPEndPoint(IPAddress.Loopback, clientPort), new IPEndPoint(IPAddress.Loopback, serverPort)));

    public static void Send(this WireConnectionTrace trace, WireDirection direction, byte[] bytes) =>
        trace.Message(direction, new ReadOnlySequence<byte>(bytes));

    /// <summary>The Python client asks the name server for itself: CONNECT, CONNECTOK, INVOKE lookup, RESULT.</summary>
    public static WireConnectionTrace NameServerLookup(WireCapture capture, int clientPort = 50400)
    {
        var trace = Open(capture, "name server", clientPort, 9090);
        trace.Send(WireDirection.FromClient, GoldenMessages.Connect);
        trace.Send(WireDirection.ToClient, GoldenMessages.ConnectOk);
        trace.Send(WireDirection.FromClient, GoldenMessages.Invoke);
        trace.Called("Pyro.NameServer", "lookup");
        trace.Send(WireDirection.ToClient, GoldenMessages.Result);
        return trace;
    }

    /// <summary>A client inserts Ana through KLEIN_ROCHA (new id 0), then asks for contact 7, which does not exist.</summary>
    public static WireConnectionTrace InserirAndBuscar(WireCapture capture, int clientPort = 50412)
    {
        var trace = Open(capture, "objects", clientPort);
        var ana = new Dictionary<object, object?> { ["__class__"] = "objeto_agenda.Objeto", ["FirstName"] = "Ana", ["Email"] = "ana@example.com" };
        trace.Send(WireDirection.FromClient, Invoke(1, "KLEIN_ROCHA", "inserir", ana));
        trace.Called("KLEIN_ROCHA", "inserir");
        trace.Send(WireDirection.ToClient, Result(1, 0L));
        trace.Send(WireDirection.FromClient, Invoke(2, "KLEIN_ROCHA", "buscar", 7L));
        trace.Called("KLEIN_ROCHA", "buscar");
        trace.Send(WireDirection.ToClient, Result(2, PyroErrors.ToDict(PyException.KeyError("no contact with id 7")), PyroFlags.Exception));
        return trace;
    }

    public static byte[] Invoke(ushort seq, string objectId, string method, params object?[] args) =>
        PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Invoke, PyroFlags.None, seq, SerpentPyroSerializer.Instance.Id,
            PyroMessage.NoAnnotations, SerpentPyroSerializer.Instance.SerializeCall(new PyroCall(objectId, method, args, PyroCall.NoKeywords))));

    public static byte[] Result(ushort seq, object? value, PyroFlags flags = PyroFlags.None) =>
        PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Result, flags, seq, SerpentPyroSerializer.Instance.Id,
            PyroMessage.NoAnnotations, SerpentPyroSerializer.Instance.Serialize(value)));

    /// <summary>The same message with its checksum (bytes 22-23) off by one, as a broken client might send it.</summary>
    public static byte[] WithBadChecksum(byte[] message)
    {
        var copy = message.ToArray();
        copy[23] ^= 0x01;
        return copy;
    }
}
