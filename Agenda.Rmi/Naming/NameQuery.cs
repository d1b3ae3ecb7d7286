namespace Agenda.Rmi.Naming;

/// <summary>
/// The filters of the name server's <c>list</c> a table can answer itself (a database with its indexes): all, name
/// prefixes, metadata. Python's <c>regex</c> is not among them: <see cref="NameServer"/> applies it to all names.
/// </summary>
public abstract record NameQuery
{
    public static readonly NameQuery All = new Everything();

    public abstract bool Matches(NameRegistration entry);

    public sealed record Everything : NameQuery
    {
        public override bool Matches(NameRegistration entry) => true;
    }

    /// <summary><c>str.startswith</c> with a tuple: any of the prefixes.</summary>
    public sealed record Prefixes(IReadOnlyList<string> Values) : NameQuery
    {
        public override bool Matches(NameRegistration entry) => Values.Any(p => entry.Name.StartsWith(p, StringComparison.Ordinal));
    }

    public sealed record MetadataAll(IReadOnlySet<string> Tags) : NameQuery
    {
        public override bool Matches(NameRegistration entry) => Tags.IsSubsetOf(entry.Metadata);
    }

    public sealed record MetadataAny(IReadOnlySet<string> Tags) : NameQuery
    {
        public override bool Matches(NameRegistration entry) => Tags.Overlaps(entry.Metadata);
    }
}
