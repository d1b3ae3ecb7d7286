using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Tests;

/// <summary>A contact store on a fresh database of some provider, opened through the app's own wiring.</summary>
public interface ITestStore : IAsyncDisposable
{
    IContactStore Store { get; }
    ContactChangeNotifier Notifier { get; }

    /// <summary>Closes this store, keeping its data, and opens the same database again; dispose the one returned.</summary>
    Task<ITestStore> ReopenAsync();
}
