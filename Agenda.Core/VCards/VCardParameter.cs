namespace Agenda.Core.VCards;

/// <summary>One parameter with its values, already unquoted and caret-decoded; <see cref="Name"/> is upper case.</summary>
public sealed record VCardParameter(string Name, IReadOnlyList<string> Values)
{
    public VCardParameter(string name, params string[] values) : this(name.ToUpperInvariant(), (IReadOnlyList<string>)values) { }

    public bool Equals(VCardParameter? other) =>
        other is not null && Name == other.Name && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Name.GetHashCode();

    public override string ToString() => $"{Name}={string.Join(',', Values)}";
}
