namespace Agenda.Core.Naming;

/// <summary>
/// The registrations every instance's name server shares, in the database. Only registrations whose owner's lease
/// holds (or that have no owner) exist as far as any method can tell: a lapsed instance's names are never listed,
/// found, counted or overwritten-as-taken, even before the sweep deletes them.
/// </summary>
/// <exception cref="SharedNamesUnavailableException">Every method, when the database does not answer.</exception>
public interface ISharedNames
{
    /// <summary>One indexed query on the name (the key), joined to its owner's lease.</summary>
    Task<SharedName?> FindAsync(string name, CancellationToken ct = default);

    /// <summary>
    /// The object a live instance registered under <c><paramref name="sharedName"/>.&lt;its name&gt;</c>, the one
    /// whose lease runs longest when several are alive; null when none is.
    /// </summary>
    Task<SharedName?> FindInstanceObjectAsync(string sharedName, CancellationToken ct = default);

    /// <summary>Live registrations matching <paramref name="query"/>, in registration order.</summary>
    Task<IReadOnlyList<SharedName>> ListAsync(SharedNameQuery query, CancellationToken ct = default);

    /// <summary>
    /// Adds or overwrites (a re-registered name keeps its place). With <paramref name="onlyIfNew"/> a live registration
    /// of the name is left alone and false returned. A client's registration has no <paramref name="owner"/>.
    /// </summary>
    Task<bool> RegisterAsync(SharedName entry, string? owner, bool onlyIfNew, CancellationToken ct = default);

    /// <summary>Replaces the tags of a live registration; false if there is none.</summary>
    Task<bool> SetMetadataAsync(string name, IReadOnlyCollection<string> metadata, CancellationToken ct = default);

    /// <summary>Removes the live registrations of these names; returns how many there were.</summary>
    Task<int> RemoveAsync(IReadOnlyCollection<string> names, CancellationToken ct = default);

    /// <summary>Every instance in the table, lapsed ones included until the sweep deletes them, oldest first.</summary>
    Task<IReadOnlyList<InstanceStatus>> InstancesAsync(CancellationToken ct = default);
}
