using System.Buffers;
using System.Net;
using Agenda.Rmi.Capture;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Rmi.Tests.Capture;

public class WireCaptureTests
{
    private static readonly IPEndPoint Client = new(IPAddress.Loopback, 50000), Server = new(IPAddress.Loopback, 9095);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    private WireCapture NewCapture(Action<WireCaptureOptions>? configure = null)
    {
        var options = new WireCaptureOptions();
        configure?.Invoke(options);
        return new WireCapture(options, _time);
    }

    private static WireConnectionTrace Connect(WireCapture capture) =>
        new(capture, capture.Open("objects", Client, Server));

    private static ReadOnlySequence<byte> Bytes(int length, byte fill = 1) => new(Enumerable.Repeat(fill, length).ToArray());

    [Fact]
    public void NothingIsRecordedUntilCaptureStarts()
    {
        var capture = NewCapture();
        var trace = Connect(capture);
        trace.Message(WireDirection.FromClient, Bytes(30));
        trace.Called("KLEIN_ROCHA", "inserir");
        Assert.Empty(capture.Messages());
        Assert.Empty(capture.Conversations());

        capture.Start();
        trace.Message(WireDirection.ToClient, Bytes(40));
        trace.Called("KLEIN_ROCHA", "buscar");

        var conversation = Assert.Single(capture.Conversations());
        Assert.Equal(["KLEIN_ROCHA.buscar"], conversation.Calls);
        var message = Assert.Single(capture.Messages());
        Assert.Equal((2, WireDirection.ToClient, 40), (message.Number, message.Direction, message.Bytes.Length));
    }

    [Fact]
    public void EnabledInTheOptionsRecordsFromTheStart()
    {
        var capture = NewCapture(o => o.Enabled = true);
        Connect(capture).Message(WireDirection.FromClient, Bytes(24));
        Assert.True(capture.IsRecording);
        Assert.Single(capture.Messages());
    }

    [Fact]
    public void StreamOffsetsCountTheBytesSentBeforeRecordingStarted()
    {
        var capture = NewCapture();
        var trace = Connect(capture);
        trace.Message(WireDirection.FromClient, Bytes(100));
        trace.Message(WireDirection.ToClient, Bytes(60));
        capture.Start();
        trace.Message(WireDirection.FromClient, Bytes(10));
        trace.Message(WireDirection.ToClient, Bytes(20));

        Assert.Equal([(3, 100L), (4, 60L)], capture.Messages().Select(m => (m.Number, m.StreamOffset)));
    }

    [Fact]
    public void OldestMessagesAreDroppedFirstWhenOverTheCount()
    {
        var capture = NewCapture(o => { o.Enabled = true; o.MaxMessages = 3; });
        var trace = Connect(capture);
        for (var i = 0; i < 5; i++) trace.Message(WireDirection.FromClient, Bytes(24));

        Assert.Equal([3, 4, 5], capture.Messages().Select(m => m.Number));
        Assert.Equal(5, Assert.Single(capture.Conversations()).MessageCount);
    }

    [Fact]
    public void OldestMessagesAreDroppedFirstWhenOverTheBytes()
    {
        var capture = NewCapture(o => { o.Enabled = true; o.MaxBytes = 3 * (1000 + 128); });
        var trace = Connect(capture);
        for (var i = 0; i < 10; i++) trace.Message(WireDirection.FromClient, Bytes(1000));

        Assert.Equal([8, 9, 10], capture.Messages().Select(m => m.Number));
    }

    [Fact]
    public void AMessageOverThePerMessageCapIsKeptCutWithItsRealLength()
    {
        var capture = NewCapture(o => { o.Enabled = true; o.MaxMessageBytes = 100; });
        Connect(capture).Message(WireDirection.ToClient, Bytes(5000));

        var message = Assert.Single(capture.Messages());
        Assert.Equal((100, 5000, true), (message.Bytes.Length, message.Length, message.Truncated));
    }

    [Fact]
    public void AClosedConversationGoesWithItsLastMessage()
    {
        var capture = NewCapture(o => { o.Enabled = true; o.MaxMessages = 2; });
        var first = Connect(capture);
        first.Message(WireDirection.FromClient, Bytes(24));
        _time.Advance(TimeSpan.FromSeconds(2));
        first.Closed(WireCloser.Client, "client closed the connection");
        Assert.Equal(_time.GetUtcNow(), Assert.Single(capture.Conversations()).ClosedAt);

        var second = Connect(capture);
        second.Message(WireDirection.FromClient, Bytes(24));
        second.Message(WireDirection.ToClient, Bytes(24));

        Assert.Equal(second.Connection.Id, Assert.Single(capture.Conversations()).Id);
    }

    [Fact]
    public void DiagnosesAreKeptWhileNotRecordingUpToTheirBound()
    {
        var capture = NewCapture(o => o.MaxDiagnoses = 2);
        var trace = Connect(capture);
        trace.Diagnose("serializer", "first");
        trace.Diagnose("hmac", "second");
        trace.Diagnose("object", "third");

        Assert.Equal(["second", "third"], capture.Diagnoses().Select(d => d.Text));
        Assert.Empty(capture.Conversations());
    }

    [Fact]
    public void ARecordedConversationCarriesItsFirstDiagnosis()
    {
        var capture = NewCapture(o => o.Enabled = true);
        var trace = Connect(capture);
        trace.Diagnose("serializer", "client sent pickle (4)");
        trace.Diagnose("closed", "later");

        Assert.Equal("client sent pickle (4)", Assert.Single(capture.Conversations()).Diagnosis);
    }

    [Fact]
    public void ClearForgetsEverythingAndEveryChangeMovesTheVersion()
    {
        var capture = NewCapture(o => o.Enabled = true);
        var trace = Connect(capture);
        var before = capture.Version;
        trace.Message(WireDirection.FromClient, Bytes(24));
        trace.Diagnose("serializer", "x");
        Assert.True(capture.Version > before);

        var beforeClear = capture.Version;
        capture.Clear();
        Assert.True(capture.Version > beforeClear);
        Assert.Empty(capture.Messages());
        Assert.Empty(capture.Conversations());
        Assert.Empty(capture.Diagnoses());
    }
}
