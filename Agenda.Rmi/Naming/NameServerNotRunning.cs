namespace Agenda.Rmi.Naming;

/// <summary>
/// The registry of a process whose name server is switched off (<c>Rmi:Enabled=false</c>): it says so through
/// <see cref="IsRunning"/>, lists nothing and never changes, so REST and the UI depend on a registry either way.
/// </summary>
public sealed class NameServerNotRunning : INameRegistry
{
    public static readonly NameServerNotRunning Instance = new();

    private NameServerNotRunning() { }

    public bool IsRunning => false;

    public IReadOnlyList<NameRegistration> Snapshot() => [];

    public bool Remove(string name) => false;

    // Nothing ever changes, so subscribers are not even kept.
    public event Action? Changed
    {
        add { }
        remove { }
    }
}
