using System.Buffers;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Client;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;
using Agenda.Rmi.Tests.Daemon;

namespace Agenda.Rmi.Tests.Capture;

/// <summary>A real daemon on a socket, watched by a real capture: what it records is what crossed the wire.</summary>
public class CapturedConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(30);
    private readonly CountingFakeTime _time = new();
    private WireCapture _capture = null!;
    private DaemonTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _capture = new WireCapture(new WireCaptureOptions(), _time);
        _host = await DaemonTestHost.StartAsync(new PyroDaemonOptions
        {
            MaxMessageBytes = 100_000, PartialMessageTimeout = StallTimeout, Time = _time, Observer = new WireCaptureObserver(_capture),
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACallIsRecordedAsTheBytesThatCrossedTheSocket()
    {
        _capture.Start();
        using (var socket = await RawPyroSocket.ConnectAsync(_host.Port))
        {
            var connect = RawPyroSocket.Connect(RmiTestHost.ObjectId);
            await socket.SendAsync(connect);
            Assert.Equal(PyroMessageType.ConnectOk, (await socket.ReceiveAsync())?.Type);
            var invoke = PyroMessageWriter.ToArray(new PyroMessage(PyroMessageType.Invoke, PyroFlags.None, 1, 2, PyroMessage.NoAnnotations,
                JsonPyroSerializer.Instance.SerializeCall(new PyroCall(RmiTestHost.ObjectId, "add", [40L, 2L], PyroCall.NoKeywords))));
            await socket.SendAsync(invoke);
            var result = (await socket.ReceiveAsync())!.Value;
            Assert.Equal(42L, JsonPyroSerializer.Instance.Deserialize(result.Data.Span));

            var messages = _capture.Messages();
            Assert.Equal([WireDirection.FromClient, WireDirection.ToClient, WireDirection.FromClient, WireDirection.ToClient],
                messages.Select(m => m.Direction));
            Assert.Equal(connect, messages[0].Bytes);
            Assert.Equal(invoke, messages[2].Bytes);
            Assert.Equal(PyroMessageWriter.ToArray(result), messages[3].Bytes);
            Assert.Equal([0L, 0L, connect.Length, messages[1].Length], messages.Select(m => m.StreamOffset));
        }
        await Eventually.TrueAsync(() => _capture.Conversations().SingleOrDefault()?.ClosedBy == WireCloser.Client, "the client's close is recorded");

        var conversation = _capture.Conversations().Single();
        Assert.Equal(("test", $"{RmiTestHost.ObjectId}.add", 4), (conversation.Listener, conversation.Calls.Single(), conversation.MessageCount));
        Assert.Equal(_host.Port, conversation.Server.Port);
        Assert.Null(conversation.Diagnosis);
    }

    [Fact]
    public async Task WithCaptureOffNothingIsKeptButTheDoctorStillDiagnoses()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        await socket.SendAsync(RawPyroSocket.Connect(RmiTestHost.ObjectId, serializerId: 4));
        Assert.Equal(PyroMessageType.ConnectFail, (await socket.ReceiveAsync())?.Type);

        var diagnosis = Assert.Single(_capture.Diagnoses());
        Assert.Equal(("Serializer", "client sent pickle (4); set PYRO_SERIALIZER=serpent or json"), (diagnosis.Problem, diagnosis.Text));
        Assert.Empty(_capture.Messages());
        Assert.Empty(_capture.Conversations());
    }

    [Fact]
    public async Task AnUnknownObjectIsDiagnosedWithTheObjectsThatExist()
    {
        _capture.Start();
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        await socket.SendAsync(RawPyroSocket.Connect("KLEIN_ROCH"));
        Assert.Equal(PyroMessageType.ConnectFail, (await socket.ReceiveAsync())?.Type);

        var diagnosis = Assert.Single(_capture.Diagnoses());
        Assert.Equal("client asked for object 'KLEIN_ROCH', which is not here; the test daemon serves Pyro.Daemon, test.object", diagnosis.Text);
        await Eventually.TrueAsync(() => _capture.Conversations().SingleOrDefault()?.ClosedBy == WireCloser.Server, "the refusal closes");
        Assert.Equal(diagnosis.Text, _capture.Conversations().Single().Diagnosis);
    }

    [Fact]
    public async Task RandomBytesAreKeptAndDiagnosedAsNotPyro()
    {
        _capture.Start();
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        var request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray();
        await socket.SendAsync(request);
        Assert.Equal(PyroMessageType.ConnectFail, (await socket.ReceiveAsync())?.Type);

        var diagnosis = Assert.Single(_capture.Diagnoses());
        Assert.Equal("NotPyro", diagnosis.Problem);
        Assert.Contains("it looks like HTTP", diagnosis.Text);
        Assert.Equal(request, _capture.Messages()[0].Bytes);
    }

    [Fact]
    public async Task AnUnknownMethodAndWrongArgumentsAreDiagnosedButTheConnectionLivesOn()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId);
        await Assert.ThrowsAnyAsync<Exception>(() => proxy.InvokeAsync("add", []));
        await Assert.ThrowsAnyAsync<Exception>(() => proxy.InvokeAsync("multiply", [1L]));
        Assert.Equal(3L, await proxy.InvokeAsync("add", [1L, 2L]));

        Assert.Equal(["WrongArguments", "UnknownMethod"], _capture.Diagnoses().Select(d => d.Problem));
        Assert.StartsWith("test.object.add was called with the wrong arguments: ", _capture.Diagnoses()[0].Text);
        Assert.Contains("test.object has no method 'multiply'", _capture.Diagnoses()[1].Text);
        Assert.Contains("its methods are add, echo, fail, record, recorded, text", _capture.Diagnoses()[1].Text);
    }

    [Fact]
    public async Task HalfAMessageThenSilenceIsDiagnosedAsStalled()
    {
        using var socket = await RawPyroSocket.ConnectAsync(_host.Port);
        await socket.SendAsync(RawPyroSocket.Connect(RmiTestHost.ObjectId)[..30]);
        await Eventually.TrueAsync(() => _time.TimersCreated >= 2, "the daemon waits for the rest of the message");
        _time.Advance(StallTimeout);

        Assert.True(await socket.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
        await Eventually.TrueAsync(() => _capture.Diagnoses().Count == 1, "the stall is diagnosed");
        Assert.Equal($"client sent half a message (30 bytes) and then nothing for {StallTimeout} (Rmi:PartialMessageTimeout); dropped",
            _capture.Diagnoses()[0].Text);
    }

    [Fact]
    public async Task RecordingStartedMidConversationKeepsTrueStreamOffsets()
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", _host.Port, RmiTestHost.ObjectId);
        Assert.Equal(3L, await proxy.InvokeAsync("add", [1L, 2L]));
        _capture.Start();
        Assert.Equal(5L, await proxy.InvokeAsync("add", [2L, 3L]));

        var messages = _capture.Messages();
        Assert.Equal([5, 6], messages.Select(m => m.Number));
        Assert.True(messages[0].StreamOffset > 0 && messages[1].StreamOffset > 0);
        Assert.True(PyroHeader.TryParse(messages[1].Bytes, out var header) && header.Type == PyroMessageType.Result);
    }
}
