namespace Agenda.Rmi.Naming;

/// <summary>One entry of the name server's table: a name, the URI string as registered, and its metadata tags.</summary>
public sealed record NameRegistration(string Name, string Uri, IReadOnlySet<string> Metadata);

/// <summary>
/// Read-only view of the Pyro name server's registrations for the other front doors
/// (REST <c>/api/naming</c>, the UI's name server page). Registered in DI as a singleton by the Pyro wiring.
/// </summary>
public interface INameRegistry
{
    /// <summary>All registrations, in registration order (the name server itself first).</summary>
    IReadOnlyList<NameRegistration> Snapshot();

    /// <summary>Raised after any register/remove/set_metadata; handlers must be quick and must not throw.</summary>
    event Action? Changed;
}
