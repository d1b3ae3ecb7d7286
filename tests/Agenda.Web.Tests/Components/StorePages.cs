using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// A bUnit context as the app has it with sign-in off (everyone may write): the real SQLite store over a fresh file, an
/// interactive renderer, and a fake clock, so how long a door badge stays is tested by advancing it, not by waiting.
/// </summary>
public sealed class StorePages : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agenda-ui-tests", Guid.NewGuid().ToString("n"));

    public BunitContext Context { get; } = new();
    public FakeTimeProvider Clock { get; } = new();
    public IContactStore Store => Context.Services.GetRequiredService<IContactStore>();
    public string ConnectionString => $"Data Source={Path.Combine(_directory, "agenda.db")}";

    /// <param name="configure">More services or options, added before any is resolved.</param>
    public static async Task<StorePages> OpenAsync(Action<IServiceCollection>? configure = null)
    {
        var pages = new StorePages();
        var services = pages.Context.Services;
        configure?.Invoke(services);
        services.AddSingleton<TimeProvider>(pages.Clock); // before the store, which keeps a clock already registered
        services.AddContactStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = pages.ConnectionString,
        }).Build());
        services.AddSingleton<GroupCounts>(); // as the app's AddAgendaUi registers it
        pages.Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await services.InitializeContactStoreAsync();
        return pages;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
