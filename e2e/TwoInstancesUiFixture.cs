namespace Agenda.E2E;

/// <summary>Two real Agenda processes on one PostgreSQL database, and headless Debian Chromium to open their pages.</summary>
public sealed class TwoInstancesUiFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AgendaInstances Instances { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Instances = await AgendaInstances.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await AgendaUiFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh browser profile whose pages are on <paramref name="instance"/>.</summary>
    public Task<IBrowserContext> NewPersonAsync(AgendaProcess instance) =>
        Browser.NewContextAsync(new() { BaseURL = instance.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Instances is not null) await Instances.DisposeAsync();
    }
}
