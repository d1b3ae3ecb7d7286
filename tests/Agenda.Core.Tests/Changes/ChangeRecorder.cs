using Agenda.Core.Contacts;

namespace Agenda.Core.Tests.Changes;

/// <summary>Every change a notifier publishes, in order, as a page subscribed to it would see them.</summary>
internal sealed class ChangeRecorder : IDisposable
{
    private readonly List<ContactChange> _changes = [];
    private readonly IDisposable _subscription;

    public ChangeRecorder(ContactChangeNotifier notifier) => _subscription = notifier.Subscribe(change =>
    {
        lock (_changes) _changes.Add(change);
        return Task.CompletedTask;
    });

    public IReadOnlyList<ContactChange> Changes { get { lock (_changes) return [.. _changes]; } }

    public int Resyncs => Changes.Count(c => c.Kind == ChangeKind.Resync);

    /// <summary>Waits until a change matching <paramref name="match"/> has been published, and returns the first.</summary>
    public async Task<ContactChange> WaitForAsync(Func<ContactChange, bool> match, string what, TimeSpan? deadline = null)
    {
        await Eventually.TrueAsync(() => Changes.Any(match), () => $"{what}; heard: {string.Join(", ", Changes.TakeLast(5))}", deadline);
        return Changes.First(match);
    }

    public void Dispose() => _subscription.Dispose();
}
