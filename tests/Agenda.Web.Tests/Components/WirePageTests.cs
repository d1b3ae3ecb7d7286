using Agenda.Rmi.Capture;
using Agenda.Web.Components.Pages;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// The Wire page over a real <see cref="WireCapture"/> (registered as the app does) fed real Pyro messages, with a
/// fake clock driving the refresh timer: nothing sleeps, each test advances time past one refresh period.
/// </summary>
public sealed class WirePageTests : IDisposable
{
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(300);

    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    private WireCapture Capture => _context.Services.GetRequiredService<WireCapture>();

    // Traffic fed before the first render is on the page at once; later traffic waits for a refresh.
    private IRenderedComponent<WirePage> Render(Action<WireCapture>? feed = null, bool recording = true, bool interactive = true)
    {
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddWireCapture(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rmi:Capture:Enabled"] = recording ? "true" : "false",
        }).Build());
        _context.SetRendererInfo(new RendererInfo("Server", interactive));
        feed?.Invoke(Capture);
        return _context.Render<WirePage>();
    }

    // Feeds traffic while the page is up, then lets one refresh period pass, as a live page sees it.
    private void Refresh(Action<WireCapture> feed)
    {
        feed(Capture);
        _time.Advance(RefreshPeriod);
    }

    private static IElement Button(IRenderedComponent<WirePage> page, string name) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == name);

    private static string[] Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    private static IReadOnlyList<IElement> ConversationRows(IRenderedComponent<WirePage> page) => page.FindAll("table.conversations tbody tr");

    private static IReadOnlyList<IElement> MessageRows(IRenderedComponent<WirePage> page) => page.FindAll("table.messages tbody tr:not(.detail)");

    [Fact]
    public void TheConversationListShowsEachConnectionsCallsAndMessageCountsNewestFirst()
    {
        var page = Render();
        Refresh(c => { WireTraffic.NameServerLookup(c); WireTraffic.InserirAndBuscar(c); });

        page.WaitForAssertion(() =>
        {
            var rows = ConversationRows(page);
            Assert.Equal(2, rows.Count);
            Assert.Equal(["Conversation #2", "127.0.0.1:50412 → objects", "KLEIN_ROCHA.inserir, KLEIN_ROCHA.buscar", "4", "open", ""], Cells(rows[0]));
            Assert.Equal(["Conversation #1", "127.0.0.1:50400 → name server", "Pyro.NameServer.lookup", "4", "open", ""], Cells(rows[1]));
        });
    }

    [Fact]
    public void ThePageRedrawsOnTheTimerOnlyWhenTheCaptureChanged()
    {
        var page = Render();
        WireTraffic.NameServerLookup(Capture);
        Assert.Contains("No conversations captured", page.Markup); // nothing is drawn per message

        _time.Advance(RefreshPeriod);
        page.WaitForAssertion(() => Assert.Single(ConversationRows(page)));
        var renders = page.RenderCount;

        _time.Advance(RefreshPeriod * 5);
        Assert.Equal(renders, page.RenderCount);
    }

    [Fact]
    public void SelectingAConversationShowsTheStudysTable()
    {
        var page = Render(c => WireTraffic.NameServerLookup(c));

        Button(page, "Conversation #1").Click();

        var rows = MessageRows(page);
        Assert.Equal(4, rows.Count);
        // No., time, direction, type, flags, seq, serializer, annotations, data size, info
        Assert.Equal(["Message 1", "0.000000", "client → server", "CONNECT", "meta_on_connect", "0", "serpent", "—", "74", "CONNECT seq=0 Pyro.NameServer"], Cells(rows[0]));
        Assert.Equal(["Message 2", "0.000000", "server → client", "CONNECTOK", "meta_on_connect", "0", "serpent", "CORR (16)", "157", "CONNECTOK seq=0"], Cells(rows[1]));
        Assert.Equal(["INVOKE", "none", "1"], Cells(rows[2])[3..6]);
        Assert.Equal(["RESULT", "none", "1", "serpent", "CORR (16)", "113"], Cells(rows[3])[3..9]);
        Assert.Equal("true", Button(page, "Conversation #1").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void ExpandingAnInvokeShowsObjectMethodArgsAndTheNarration()
    {
        var page = Render(c => WireTraffic.InserirAndBuscar(c));
        Button(page, "Conversation #1").Click();

        Button(page, "Message 1").Click();

        var detail = page.Find("tr.detail");
        var decoded = detail.QuerySelectorAll("dl.decoded dd").Select(dd => dd.TextContent.Trim()).ToArray();
        Assert.Equal(["KLEIN_ROCHA", "inserir"], decoded[..2]);
        Assert.Contains("'FirstName': 'Ana'", decoded[2]);
        Assert.Equal("none", decoded[3]);
        Assert.StartsWith("The client calls KLEIN_ROCHA.inserir(", detail.QuerySelector(".narration")!.TextContent);
        Assert.Equal("true", Button(page, "Message 1").GetAttribute("aria-expanded"));

        Button(page, "Message 2").Click();
        Assert.Equal("The daemon answers inserir with the new id 0.", page.Find("tr.detail .narration").TextContent);
    }

    [Fact]
    public void AnExceptionResultShowsItsClassMessageAndRemoteTraceback()
    {
        var page = Render(c => WireTraffic.InserirAndBuscar(c));
        Button(page, "Conversation #1").Click();

        Button(page, "Message 4").Click();

        Assert.Equal(["builtins.KeyError", "no contact with id 7"], page.FindAll("tr.detail dl.error dd").Select(dd => dd.TextContent.Trim()));
        Assert.StartsWith("Traceback (most recent call last):", page.Find("tr.detail pre.traceback").TextContent);
        Assert.Contains("trouble", MessageRows(page)[3].ClassList);
    }

    [Fact]
    public void TheHexDumpColoursEveryHeaderFieldAndHasALegend()
    {
        var page = Render(c => WireTraffic.NameServerLookup(c));
        Button(page, "Conversation #1").Click();

        Button(page, "Message 2").Click();

        var dump = page.Find("tr.detail .hexdump");
        string[] fields = ["tag", "version", "type", "flags", "seq", "data-size", "serializer", "annotations-size", "reserved", "checksum"];
        Assert.Equal([.. fields, "annotations", "payload"], dump.QuerySelectorAll(".legend li").Select(li => li.GetAttribute("data-field")));
        Assert.Equal("50 59 52 4f", dump.QuerySelector(".bytes [data-field=tag]")!.TextContent);
        Assert.Equal("00 02", dump.QuerySelector(".bytes [data-field=type]")!.TextContent);
        Assert.Equal("35 df", dump.QuerySelector(".bytes [data-field=checksum]")!.TextContent);
        Assert.Equal("43 4f 52 52 00 10 ff d1", dump.QuerySelector(".bytes [data-field=annotations]")!.TextContent);
        Assert.Equal("0x35df valid", dump.QuerySelector(".legend [data-field=checksum] .value")!.TextContent);
        Assert.Equal("2 CONNECTOK", dump.QuerySelector(".legend [data-field=type] .value")!.TextContent);
        Assert.Equal("CORR (16 bytes)", dump.QuerySelector(".legend [data-field=annotations] .value")!.TextContent);
        Assert.StartsWith("{'handshake':'hello','meta':", page.Find("tr.detail pre.payload").TextContent);
    }

    [Fact]
    public void ABadChecksumIsShownAsInvalid()
    {
        var page = Render(c => WireTraffic.Open(c, "objects", 50500)
            .Send(WireDirection.FromClient, WireTraffic.WithBadChecksum(GoldenMessages.Connect)));
        Button(page, "Conversation #1").Click();

        Button(page, "Message 1").Click();

        var legend = page.Find(".legend [data-field=checksum]");
        Assert.Contains("invalid", legend.ClassList);
        Assert.Equal("0x3574 invalid (expected 0x3575)", legend.QuerySelector(".value")!.TextContent);
        Assert.Contains("invalid", page.Find(".bytes [data-field=checksum]").ClassList);
        Assert.Contains("trouble", MessageRows(page)[0].ClassList);
    }

    [Fact]
    public void StartStopAndClearActOnTheCapture()
    {
        var page = Render(recording: false);
        Assert.Contains("Not recording", page.Find("[role=status]").TextContent);
        Assert.True(Button(page, "Stop recording").HasAttribute("disabled"));

        Button(page, "Start recording").Click();
        Assert.True(Capture.IsRecording);
        Assert.Contains("Recording", page.Find("[role=status]").TextContent);
        Assert.True(Button(page, "Start recording").HasAttribute("disabled"));

        Refresh(c => WireTraffic.NameServerLookup(c));
        page.WaitForAssertion(() => Assert.Single(ConversationRows(page)));

        Button(page, "Stop recording").Click();
        Assert.False(Capture.IsRecording);

        Button(page, "Conversation #1").Click();
        Button(page, "Clear").Click();
        Assert.Empty(Capture.Conversations());
        Assert.Empty(ConversationRows(page));
        Assert.Empty(page.FindAll("table.messages"));
        Assert.Contains("Conversation #1 is no longer kept", page.Find("p.note[role=status]").TextContent);
    }

    [Fact]
    public void FiltersByListenerObjectAndMethodNarrowTheList()
    {
        var page = Render(c => { WireTraffic.NameServerLookup(c); WireTraffic.InserirAndBuscar(c); });
        Assert.Equal(2, ConversationRows(page).Count);

        page.Find("#wire-listener").Change("name server");
        Assert.Equal("Conversation #1", Cells(Assert.Single(ConversationRows(page)))[0]);

        page.Find("#wire-listener").Change("");
        page.Find("#wire-object").Input("klein");
        Assert.Equal("Conversation #2", Cells(Assert.Single(ConversationRows(page)))[0]);

        page.Find("#wire-method").Input("lookup");
        Assert.Empty(ConversationRows(page)); // object and method must match the same call

        page.Find("#wire-object").Input("");
        Assert.Equal("Conversation #1", Cells(Assert.Single(ConversationRows(page)))[0]);
    }

    [Fact]
    public void DiagnosesAreListedNewestFirstEvenWhileNotRecording()
    {
        var page = Render(recording: false);
        Refresh(c =>
        {
            WireTraffic.Open(c, "objects", 50600).Diagnose("serializer", "client sent pickle (4); set PYRO_SERIALIZER=serpent or json");
            WireTraffic.Open(c, "name server", 50601, 9090).Diagnose("object", "unknown object 'KLEIN'; the name server knows KLEIN_ROCHA");
        });

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("table.diagnoses tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.Equal(["2026-11-30 10:00:00.000", "127.0.0.1:50601", "name server", "unknown object 'KLEIN'; the name server knows KLEIN_ROCHA"], Cells(rows[0]));
            Assert.Equal("client sent pickle (4); set PYRO_SERIALIZER=serpent or json", Cells(rows[1])[3]);
        });
        Assert.Empty(ConversationRows(page));
    }

    [Fact]
    public void ARefusedConversationIsHighlightedWithItsDiagnosis()
    {
        var page = Render(c =>
        {
            var trace = WireTraffic.Open(c, "objects", 50700);
            trace.Send(WireDirection.FromClient, GoldenMessages.Connect);
            trace.Diagnose("serializer", "client sent pickle (4); set PYRO_SERIALIZER=serpent or json");
        });

        var row = Assert.Single(ConversationRows(page));
        Assert.Contains("refused", row.ClassList);
        Assert.Equal("⚠ client sent pickle (4); set PYRO_SERIALIZER=serpent or json", Cells(row)[5]);
    }

    [Fact]
    public void ALongConversationIsShownAPageAtATime()
    {
        var page = Render(c =>
        {
            var trace = WireTraffic.Open(c, "objects", 50800);
            for (ushort seq = 1; seq <= 125; seq++)
            {
                trace.Send(WireDirection.FromClient, WireTraffic.Invoke(seq, "KLEIN_ROCHA", "buscar", (long)seq));
                trace.Send(WireDirection.ToClient, WireTraffic.Result(seq, "x"));
            }
        });
        Button(page, "Conversation #1").Click();
        Assert.Equal(100, MessageRows(page).Count);
        Assert.Equal("Messages 1–100 of 250 kept", page.Find("nav.pager span").TextContent);

        Button(page, "Latest").Click();

        Assert.Equal(50, MessageRows(page).Count);
        Assert.Equal("Message 201", Cells(MessageRows(page)[0])[0]);
        Assert.True(Button(page, "Later messages").HasAttribute("disabled"));
    }

    [Fact]
    public void BeforeTheCircuitIsInteractiveEveryControlIsDisabledAndNothingPolls()
    {
        var page = Render(c => WireTraffic.NameServerLookup(c), interactive: false);

        Assert.All(page.FindAll("button, input, select"), control => Assert.True(control.HasAttribute("disabled")));
        var renders = page.RenderCount;
        WireTraffic.InserirAndBuscar(Capture);
        _time.Advance(RefreshPeriod * 3);
        Assert.Equal(renders, page.RenderCount);
    }

    public void Dispose() => _context.Dispose();
}
