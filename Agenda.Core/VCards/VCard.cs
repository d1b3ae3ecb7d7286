namespace Agenda.Core.VCards;

/// <summary>
/// One <c>BEGIN:VCARD … END:VCARD</c> block: its VERSION and every other property in file order.
/// BEGIN, END and VERSION are not in <see cref="Properties"/>; the writer adds them.
/// </summary>
public sealed class VCard
{
    public VCard(string version, IEnumerable<VCardProperty> properties)
    {
        Version = version;
        Properties = properties.ToList();
    }

    /// <summary>"2.1", "3.0" or "4.0" as read; "" when the card had no VERSION line.</summary>
    public string Version { get; }

    public IReadOnlyList<VCardProperty> Properties { get; }

    /// <summary>The 1-based line of BEGIN:VCARD; 0 for a card built in code.</summary>
    public int LineNumber { get; init; }

    /// <summary>The properties with this name (case-insensitive), in order.</summary>
    public IEnumerable<VCardProperty> All(string name) =>
        Properties.Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first property with this name, or null.</summary>
    public VCardProperty? First(string name) => All(name).FirstOrDefault();

    /// <summary>The properties in an iOS-style group (<c>item1.TEL</c> and <c>item1.X-ABLabel</c>).</summary>
    public IEnumerable<VCardProperty> InGroup(string group) =>
        Properties.Where(p => string.Equals(p.Group, group, StringComparison.OrdinalIgnoreCase));
}
