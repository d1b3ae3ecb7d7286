namespace Agenda.Core.VCards;

/// <summary>
/// One property of a card: <c>[group.]NAME;PARAM=values:value</c>. <see cref="Value"/> keeps the value's escaped
/// form (already decoded from quoted-printable), so the same property can be read as text, a list or a structure.
/// Two properties are equal when group, name, parameters and value are; where they were read from does not count.
/// </summary>
public sealed record VCardProperty(string? Group, string Name, IReadOnlyList<VCardParameter> Parameters, string Value)
{
    /// <summary>
    /// The logical line this property was read from, written back unchanged by <see cref="VCardWriter"/>;
    /// null for a property built in code or read from quoted-printable (which 3.0 and 4.0 do not allow).
    /// </summary>
    public VCardLine? Source { get; init; }

    /// <summary>A text property, escaping <paramref name="text"/>.</summary>
    public static VCardProperty FromText(string name, string text, params VCardParameter[] parameters) =>
        new(null, name.ToUpperInvariant(), parameters, VCardValue.Escape(text));

    /// <summary>A structured property (N, ADR): one list of values per component.</summary>
    public static VCardProperty FromStructured(string name, IEnumerable<IEnumerable<string>> components, params VCardParameter[] parameters) =>
        new(null, name.ToUpperInvariant(), parameters, VCardValue.FormatStructured(components));

    /// <summary>The value as one unescaped text (FN, NOTE, TEL, EMAIL).</summary>
    public string Text => VCardValue.Unescape(Value);

    /// <summary>The value as an unescaped comma list (CATEGORIES, NICKNAME).</summary>
    public IReadOnlyList<string> ListValues => VCardValue.ParseList(Value);

    /// <summary>The value as unescaped components, each an unescaped comma list (N, ADR, ORG).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Components => VCardValue.ParseStructured(Value);

    /// <summary>Every value of the named parameter(s), in order; empty when absent.</summary>
    public IReadOnlyList<string> ParameterValues(string name) =>
        Parameters.Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Values).ToList();

    /// <summary>The TYPE values lower-cased (<c>HOME</c>, <c>type=home</c> and 2.1's bare <c>;HOME</c> all give "home").</summary>
    public IReadOnlyList<string> Types => ParameterValues("TYPE").Select(t => t.ToLowerInvariant()).ToList();

    public bool Equals(VCardProperty? other) =>
        other is not null && Group == other.Group && Name == other.Name && Value == other.Value
        && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(Group, Name, Value);

    public override string ToString() =>
        $"{(Group is null ? "" : Group + ".")}{Name}{string.Concat(Parameters.Select(p => ";" + p))}:{Value}";
}
