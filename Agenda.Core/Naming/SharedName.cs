namespace Agenda.Core.Naming;

/// <summary>
/// A registration in the shared name server: name, URI string as registered, metadata tags, and the name of the
/// instance that owns it (null for a client's registration, which stays until removed).
/// </summary>
public sealed record SharedName(string Name, string Uri, IReadOnlyList<string> Metadata, string? Owner = null);

/// <summary>
/// Which registrations to list; at most one filter, as in Pyro's <c>list</c>. The database answers them: prefixes
/// with LIKE on the key, metadata with the GIN index (<c>@&gt;</c> for all, <c>&amp;&amp;</c> for any).
/// </summary>
public sealed record SharedNameQuery(
    IReadOnlyList<string>? Prefixes = null, IReadOnlyList<string>? MetadataAll = null, IReadOnlyList<string>? MetadataAny = null)
{
    public static readonly SharedNameQuery All = new();
}
