using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Tests;

/// <summary>A real SQLite file in a fresh temporary directory, opened through the same wiring the app uses.</summary>
public sealed class SqliteStore : ITestStore
{
    private readonly ServiceProvider _services;
    private bool _handedOver;

    private SqliteStore(string directory, ServiceProvider services)
    {
        Directory = directory;
        _services = services;
    }

    public string Directory { get; }
    public string DatabaseFile => Path.Combine(Directory, "data", "agenda.db");
    public IServiceProvider Services => _services;
    public IContactStore Store => _services.GetRequiredService<IContactStore>();
    public ContactChangeNotifier Notifier => _services.GetRequiredService<ContactChangeNotifier>();

    /// <param name="settings">More configuration (<c>Storage:Synchronous</c>, ...).</param>
    /// <param name="clock">The store's clock (a FakeTimeProvider: the writer never goes idle until the test says so).</param>
    public static async Task<SqliteStore> OpenAsync(string? directory = null, IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "agenda-tests", Guid.NewGuid().ToString("n"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = $"Data Source={Path.Combine(directory, "data", "agenda.db")}",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection();
        if (clock is not null) collection.AddSingleton(clock);
        var services = collection.AddContactStore(configuration).BuildServiceProvider();
        await services.InitializeContactStoreAsync();
        return new SqliteStore(directory, services);
    }

    /// <summary>Closes the store but keeps the file, so a test can reopen it.</summary>
    public async Task CloseAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async Task<ITestStore> ReopenAsync()
    {
        await CloseAsync();
        _handedOver = true; // the reopened store removes the directory
        return await OpenAsync(Directory);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_handedOver) return;
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
