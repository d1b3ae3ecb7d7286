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
    // Python 4.82's CONNECT / CONNECTOK / INVOKE lookup / RESULT to its own name server (copied from the Rmi tests' golden bytes).
    public static readonly byte[] GoldenConnect = Hex("""
        50 59 52 4f 00 30 00 01 00 10 00 00 00 00 00 4a 00 01 00 00 00 00 35 75 23 20 73 65 72 70 65 6e
        74 20 75 74 66 2d 38 20 70 79 74 68 6f 6e 33 2e 32 0a 7b 27 68 61 6e 64 73 68 61 6b 65 27 3a 27
        68 65 6c 6c 6f 27 2c 27 6f 62 6a 65 63 74 27 3a 27 50 79 72 6f 2e 4e 61 6d 65 53 65 72 76 65 72
        27 7d
        """);

    public static readonly byte[] GoldenConnectOk = Hex("""
        50 59 52 4f 00 30 00 02 00 10 00 00 00 00 00 9d 00 01 00 16 00 00 35 df 43 4f 52 52 00 10 ff d1
        2b 57 0f 41 44 8c a3 72 b9 e2 9a 5e 9f 19 23 20 73 65 72 70 65 6e 74 20 75 74 66 2d 38 20 70 79
        74 68 6f 6e 33 2e 32 0a 7b 27 68 61 6e 64 73 68 61 6b 65 27 3a 27 68 65 6c 6c 6f 27 2c 27 6d 65
        74 61 27 3a 7b 27 6d 65 74 68 6f 64 73 27 3a 5b 27 6c 69 73 74 27 2c 27 72 65 6d 6f 76 65 27 2c
        27 73 65 74 5f 6d 65 74 61 64 61 74 61 27 2c 27 6c 6f 6f 6b 75 70 27 2c 27 63 6f 75 6e 74 27 2c
        27 70 69 6e 67 27 2c 27 72 65 67 69 73 74 65 72 27 5d 2c 27 6f 6e 65 77 61 79 27 3a 5b 5d 2c 27
        61 74 74 72 73 27 3a 5b 5d 7d 7d
        """);

    public static readonly byte[] GoldenInvoke = Hex("""
        50 59 52 4f 00 30 00 04 00 00 00 01 00 00 00 4e 00 01 00 00 00 00 35 6d 23 20 73 65 72 70 65 6e
        74 20 75 74 66 2d 38 20 70 79 74 68 6f 6e 33 2e 32 0a 28 27 50 79 72 6f 2e 4e 61 6d 65 53 65 72
        76 65 72 27 2c 27 6c 6f 6f 6b 75 70 27 2c 28 27 50 79 72 6f 2e 4e 61 6d 65 53 65 72 76 65 72 27
        2c 29 2c 7b 7d 29
        """);

    public static readonly byte[] GoldenResult = Hex("""
        50 59 52 4f 00 30 00 05 00 00 00 01 00 00 00 71 00 01 00 16 00 00 35 a7 43 4f 52 52 00 10 30 ba
        ab a4 02 b5 40 86 95 b6 64 60 bd 1c 52 d4 23 20 73 65 72 70 65 6e 74 20 75 74 66 2d 38 20 70 79
        74 68 6f 6e 33 2e 32 0a 7b 27 5f 5f 63 6c 61 73 73 5f 5f 27 3a 27 50 79 72 6f 34 2e 63 6f 72 65
        2e 55 52 49 27 2c 27 73 74 61 74 65 27 3a 28 27 50 59 52 4f 27 2c 27 50 79 72 6f 2e 4e 61 6d 65
        53 65 72 76 65 72 27 2c 4e 6f 6e 65 2c 27 31 32 37 2e 30 2e 30 2e 31 27 2c 39 30 39 30 29 7d
        """);

    public static WireConnectionTrace Open(WireCapture capture, string listener, int clientPort, int serverPort = 9095) =>
        new(capture, capture.Open(listener, new IPEndPoint(IPAddress.Loopback, clientPort), new IPEndPoint(IPAddress.Loopback, serverPort)));

    public static void Send(this WireConnectionTrace trace, WireDirection direction, byte[] bytes) =>
        trace.Message(direction, new ReadOnlySequence<byte>(bytes));

    /// <summary>The Python client asks the name server for itself: CONNECT, CONNECTOK, INVOKE lookup, RESULT.</summary>
    public static WireConnectionTrace NameServerLookup(WireCapture capture, int clientPort = 50400)
    {
        var trace = Open(capture, "name server", clientPort, 9090);
        trace.Send(WireDirection.FromClient, GoldenConnect);
        trace.Send(WireDirection.ToClient, GoldenConnectOk);
        trace.Send(WireDirection.FromClient, GoldenInvoke);
        trace.Called("Pyro.NameServer", "lookup");
        trace.Send(WireDirection.ToClient, GoldenResult);
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

    private static byte[] Hex(string text) => Convert.FromHexString(string.Concat(text.Where(char.IsAsciiHexDigit)));
}
