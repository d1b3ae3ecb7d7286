using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// One vCard being read into a contact. Each mapping takes the properties it reads; whatever no mapping took becomes
/// the contact's kept extras, so every property ends up either in a field or kept whole — never dropped unseen.
/// </summary>
internal sealed class VCardReading(VCards.VCard card)
{
    // PRODID and REV are written fresh on every export, so keeping them would make two; Agenda's full-value lines
    // belong in no file (VCardFullValues), so one found in a file is dropped rather than trusted.
    private static readonly string[] Regenerated = ["PRODID", "REV", VCardFullValues.Org, VCardFullValues.Tel];

    private readonly HashSet<VCardProperty> taken = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> labelledGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> fullValues = [];

    /// <summary>
    /// One component of a structured value (N, ADR) as text. 3.0 and 4.0 separate a component's values with commas,
    /// joined here with <paramref name="separator"/>; 2.1 has no such lists (Outlook writes "Rua das Flores, 123"
    /// unescaped), so there the comma is put back as it was.
    /// </summary>
    public string Component(IReadOnlyList<IReadOnlyList<string>> components, int index, string separator)
    {
        if (index >= components.Count) return "";
        if (card.Version == "2.1") return string.Join(',', components[index]).Trim();
        return string.Join(separator, components[index].Select(v => v.Trim()).Where(v => v.Length > 0));
    }

    /// <summary>The properties with this name no mapping has taken yet, in file order.</summary>
    public IEnumerable<VCardProperty> Untaken(string name) => card.All(name).Where(p => !taken.Contains(p));

    public void Take(VCardProperty property) => taken.Add(property);

    /// <summary>Takes and returns the first untaken property with this name; a second one stays for the extras.</summary>
    public VCardProperty? TakeFirst(string name)
    {
        var first = Untaken(name).FirstOrDefault();
        if (first is not null) Take(first);
        return first;
    }

    public IReadOnlyList<VCardProperty> TakeAll(string name)
    {
        var all = Untaken(name).ToList();
        all.ForEach(Take);
        return all;
    }

    /// <summary>The X-ABLabel beside the property in its item group (<c>item1.TEL</c> + <c>item1.X-ABLabel</c>), or null.</summary>
    public string? AppleLabel(VCardProperty property)
    {
        if (property.Group is null) return null;
        var label = card.InGroup(property.Group).FirstOrDefault(p => p.Name == "X-ABLABEL");
        if (label is null) return null;
        labelledGroups.Add(property.Group);
        return label.Text;
    }

    /// <summary>A line holding the whole of a value Agenda reads only part of (see <see cref="VCardFullValues"/>).</summary>
    public void KeepFullValue(string line) => fullValues.Add(line);

    /// <summary>
    /// Every property no mapping took, as its content line exactly as read, then the full values. An X-ABLabel goes
    /// with its group: taken when the label was read and everything else in the group was taken, kept otherwise.
    /// </summary>
    public IReadOnlyList<string> Extras()
    {
        foreach (var group in labelledGroups)
        {
            var members = card.InGroup(group).ToList();
            if (members.Where(p => p.Name != "X-ABLABEL").All(taken.Contains)) members.ForEach(Take);
        }
        return [.. card.Properties
            .Where(p => !taken.Contains(p) && !(p.Group is null && Regenerated.Contains(p.Name)))
            .Select(p => p.Source?.Text ?? VCardWriter.Format(p)), .. fullValues];
    }
}
