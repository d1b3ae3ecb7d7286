using System.Text.Json;
using Microsoft.Playwright;

namespace Agenda.Bench.Pages;

/// <summary>
/// Contacts pages open in one headless Debian Chromium, each page its own Blazor circuit. Each page notes, by the
/// browser's clock (the machine's, as the benchmark's), when a marker contact ("Marker17 …", see <see cref="Markers"/>)
/// first shows in its table, so the lag is measured in the page and not through Playwright's polling.
/// </summary>
public sealed class OpenPages : IAsyncDisposable
{
    // A MutationObserver's callback runs as soon as Blazor has applied a render batch to the DOM.
    private const string NoteMarkers = """
        window.__markersSeen = {};
        window.__updates = 0;
        new MutationObserver(() => {
          window.__updates++;
          const now = performance.timeOrigin + performance.now();
          for (const name of document.querySelectorAll('tbody .name-toggle')) {
            const m = /Marker(\d+) /.exec(name.textContent);
            if (m && !(m[1] in window.__markersSeen)) window.__markersSeen[m[1]] = now;
          }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    // Opened a few at a time: twenty cold pages at once time out on two busy cores.
    private const int OpenedTogether = 4;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private OpenPages(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> pages) =>
        (_playwright, _browser, Pages) = (playwright, browser, pages);

    public IReadOnlyList<IPage> Pages { get; }

    public static async Task<OpenPages> OpenAsync(Uri baseAddress, int count)
    {
        var playwright = await Playwright.CreateAsync();
        // Debian's Chromium: Playwright's own browser downloads are not reachable from these machines.
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // Less motion, so a changed row is lit rather than faded: twenty pages repainting a 4-second fade at 60 frames a
        // second would take the browser a core of the two the server shares with it (README: Benchmarks).
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        await context.AddInitScriptAsync(NoteMarkers);
        var pages = new List<IPage>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(OpenedTogether))
            pages.AddRange(await Task.WhenAll(chunk.Select(_ => OpenOneAsync(context))));
        return new OpenPages(playwright, browser, pages);
    }

    private static async Task<IPage> OpenOneAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await ShowContactsAsync(page);
        return page;
    }

    private static async Task ShowContactsAsync(IPage page)
    {
        await page.GotoAsync("/");
        // Controls stay disabled until the circuit is interactive: from then on the page hears every change.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add contact" })).ToBeEnabledAsync(new() { Timeout = 60_000 });
    }

    /// <summary>Every page leaves for about:blank, closing its circuit: no contacts page is open.</summary>
    public async Task LeaveAsync()
    {
        foreach (var page in Pages) await page.GotoAsync("about:blank");
    }

    /// <summary>Every page opens the contacts page again.</summary>
    public async Task ReturnAsync()
    {
        foreach (var chunk in Pages.Chunk(OpenedTogether)) await Task.WhenAll(chunk.Select(ShowContactsAsync));
    }

    /// <summary>How many times, in all, the pages' documents changed (about one per render batch Blazor applied).</summary>
    public async Task<long> UpdatesAsync() =>
        (await Task.WhenAll(Pages.Select(page => page.EvaluateAsync<long>("() => window.__updates")))).Sum();

    /// <summary>For each page, marker number → when the page first showed it (Unix milliseconds).</summary>
    public async Task<IReadOnlyList<Dictionary<int, double>>> MarkersSeenAsync() =>
        await Task.WhenAll(Pages.Select(async page =>
        {
            // As a JSON string: Playwright's own object serialization adds reference ids ("$id").
            var seen = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__markersSeen)")).RootElement;
            return seen.EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetDouble());
        }));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
