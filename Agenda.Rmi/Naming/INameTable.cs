namespace Agenda.Rmi.Naming;

/// <summary>
/// Where a name server keeps its registrations: this process's memory (<see cref="NameTable"/>, with SQLite), or the
/// database several Agenda instances share (<see cref="SharedNameTable"/>, with PostgreSQL). A table only stores and
/// selects; Pyro's argument rules, results and error texts are <see cref="NameServer"/>'s.
/// </summary>
public interface INameTable
{
    /// <summary>The name server's own entry (<c>Pyro.NameServer</c>), which each name server holds itself.</summary>
    void SetNameServer(NameRegistration self);

    ValueTask<int> CountAsync();

    ValueTask<NameRegistration?> FindAsync(string name);

    /// <summary>Adds or overwrites; with <paramref name="onlyIfNew"/> an existing name is left alone and false returned.</summary>
    ValueTask<bool> SetAsync(NameRegistration entry, bool onlyIfNew);

    /// <summary>Replaces the tags of an existing name; false if the name is unknown.</summary>
    ValueTask<bool> SetMetadataAsync(string name, IReadOnlySet<string> metadata);

    /// <summary>The entries <paramref name="query"/> selects, in registration order (the name server's own first).</summary>
    ValueTask<IReadOnlyList<NameRegistration>> ListAsync(NameQuery query);

    /// <summary>Removes the given names (unknown ones are skipped) and returns how many were removed.</summary>
    ValueTask<int> RemoveAsync(IReadOnlyCollection<string> names);

    /// <summary>Names an object this process serves (the agenda objects), from start until <see cref="WithdrawAsync"/>.</summary>
    ValueTask PublishAsync(NameRegistration entry);

    /// <summary>Takes back a name <see cref="PublishAsync"/> gave, unless a client re-registered it to another URI meanwhile.</summary>
    ValueTask WithdrawAsync(string name, string uri);
}
