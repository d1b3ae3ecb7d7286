namespace Agenda.Rmi.Naming;

/// <summary>One entry of the name server's table: a name, the URI string as registered, and its metadata tags.</summary>
public sealed record NameRegistration(string Name, string Uri, IReadOnlySet<string> Metadata);

/// <summary>
/// The Pyro name server's registrations as the other front doors see them (REST <c>/api/naming</c>, the UI's name
/// server page): read them, and remove one (for the UI's admins, who are checked by the caller). Always registered in DI by <c>AddRmi()</c>: the live
/// <see cref="NameTable"/>, or <see cref="NameServerNotRunning"/> when <c>Rmi:Enabled</c> is false.
/// </summary>
public interface INameRegistry
{
    /// <summary>False when no name server runs in this process, so there is nothing to list (not an empty list).</summary>
    bool IsRunning { get; }

    /// <summary>All registrations, in registration order (the name server itself first).</summary>
    IReadOnlyList<NameRegistration> Snapshot();

    /// <summary>
    /// Removes one registration; false when the name is unknown, is the name server's own (never removed, as in
    /// Pyro's <c>remove</c>), or no name server runs.
    /// </summary>
    bool Remove(string name);

    /// <summary>Raised after any register/remove/set_metadata; handlers must be quick and must not throw.</summary>
    event Action? Changed;
}
