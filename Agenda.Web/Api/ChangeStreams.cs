using Agenda.Core.Contacts;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Api;

/// <summary>
/// The open <c>GET /api/contacts/changes</c> streams of this process, at most <see cref="ApiOptions.MaxChangeStreams"/>:
/// each holds a connection and a queue, so an unbounded number would let readers take the server's memory. Every
/// stream ends when the app starts stopping.
/// </summary>
internal sealed class ChangeStreams(ContactChangeNotifier notifier, IOptions<ApiOptions> options, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// Changes one reader may fall behind by before it gets a resync instead. An import publishes one per contact, so a
    /// reader of a large import resyncs; a contact is shared by every queue it is in, so the cost is mostly the contacts.
    /// </summary>
    public const int QueueCapacity = 1_000;

    private int _open;

    public int Max => options.Value.MaxChangeStreams;

    /// <summary>A new subscriber's queue, or null when <see cref="Max"/> streams are open; dispose it to close.</summary>
    public ChangeStreamQueue? TryOpen()
    {
        if (Interlocked.Increment(ref _open) > Max)
        {
            Interlocked.Decrement(ref _open);
            return null;
        }
        return new ChangeStreamQueue(notifier, QueueCapacity, lifetime.ApplicationStopping, () => Interlocked.Decrement(ref _open));
    }
}
