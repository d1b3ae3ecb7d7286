using Agenda.Core.Contacts;
using Agenda.Core.Instances;
using Agenda.Core.Storage;
using Agenda.Core.Storage.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agenda.Core.Tests.Changes;

/// <summary>
/// One Agenda instance in this process on a database of the test cluster, with its hosted services (the change
/// listener) running as the app's host runs them, and a <see cref="ChangeRecorder"/> on its notifier from the start.
/// </summary>
internal sealed class ListeningInstance : IAsyncDisposable
{
    private readonly PostgresStore _store;
    private readonly IHostedService[] _hosted;

    private ListeningInstance(PostgresStore store)
    {
        _store = store;
        _hosted = [.. store.Services.GetServices<IHostedService>()];
        Heard = new ChangeRecorder(store.Notifier);
    }

    public IContactStore Store => _store.Store;
    public ChangeRecorder Heard { get; }
    public AgendaInstance Instance => _store.Services.GetRequiredService<AgendaInstance>();
    public ChangeFeedStatus Status => _store.Services.GetRequiredService<ChangeFeedStatus>();
    public string ListenerApplicationName => ChangeListener.ApplicationName(Instance);

    /// <summary>Starts an instance and returns once its listener is listening (its first resync heard).</summary>
    public static async Task<ListeningInstance> StartAsync(PostgresDatabase database)
    {
        var instance = new ListeningInstance(await PostgresStore.OpenAsync(database, ownsDatabase: false));
        foreach (var hosted in instance._hosted) await hosted.StartAsync(CancellationToken.None);
        await instance.Heard.WaitForAsync(c => c.Kind == ChangeKind.Resync, "the listener's first LISTEN");
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted.Reverse()) await hosted.StopAsync(CancellationToken.None);
        Heard.Dispose();
        await _store.DisposeAsync();
    }
}
