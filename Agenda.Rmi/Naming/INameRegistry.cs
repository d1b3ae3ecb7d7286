using Agenda.Core.Instances;
using Agenda.Core.Naming;

namespace Agenda.Rmi.Naming;

/// <summary>
/// One entry of the name server's table: a name, the URI string as registered, its metadata tags, and on a shared name
/// server the instance whose object it names (null for clients' registrations, and always in this process's own table).
/// </summary>
public sealed record NameRegistration(string Name, string Uri, IReadOnlySet<string> Metadata, string? Owner = null);

/// <summary>
/// The Pyro name server's registrations as the other front doors see them (REST <c>/api/naming</c>, the UI's name
/// server page): read them, and remove one (for the UI's admins, who are checked by the caller). Always registered in DI by <c>AddRmi()</c>: the live
/// <see cref="NameTable"/> or <see cref="SharedNameTable"/>, or <see cref="NameServerNotRunning"/> when <c>Rmi:Enabled</c> is false.
/// </summary>
/// <exception cref="SharedNamesUnavailableException">From the async methods of a shared table whose database does not answer.</exception>
public interface INameRegistry
{
    /// <summary>False when no name server runs in this process, so there is nothing to list (not an empty list).</summary>
    bool IsRunning { get; }

    /// <summary>This process among the instances sharing the table (PostgreSQL); null when the table is its own.</summary>
    AgendaInstance? Instance { get; }

    /// <summary>All registrations, in registration order (the name server itself first).</summary>
    Task<IReadOnlyList<NameRegistration>> SnapshotAsync();

    /// <summary>
    /// Removes one registration; false when the name is unknown, is the name server's own (never removed, as in
    /// Pyro's <c>remove</c>), or no name server runs.
    /// </summary>
    Task<bool> RemoveAsync(string name);

    /// <summary>The instances sharing the table with their leases, lapsed ones until swept; empty when it is this process's own.</summary>
    Task<IReadOnlyList<InstanceStatus>> InstancesAsync();

    /// <summary>
    /// Raised after any register/remove/set_metadata through this process; handlers must be quick and must not throw.
    /// Changes made through other instances of a shared table raise nothing here.
    /// </summary>
    event Action? Changed;
}
