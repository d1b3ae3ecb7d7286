namespace Agenda.E2E;

/// <summary>
/// One real Agenda process (free ports, fresh data directory) and one headless Debian Chromium for the whole
/// collection; each test opens its own browser contexts, so tests share the server but not cookies or circuits.
/// Tests keep to their own contacts (unique names) because the store is shared.
/// </summary>
public sealed class AgendaUiFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AgendaProcess Agenda { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Agenda = await AgendaProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless: Playwright's own browser downloads are not reachable from these machines.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A fresh browser profile (one person) with its own viewport.</summary>
    public Task<IBrowserContext> NewPersonAsync(int width = 1280, int height = 800) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = Agenda.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
        });

    public static string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Path.Combine(ScreenshotDirectory, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Agenda is not null) await Agenda.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AgendaUiCollection : ICollectionFixture<AgendaUiFixture>
{
    public const string Name = "Agenda UI";
}
