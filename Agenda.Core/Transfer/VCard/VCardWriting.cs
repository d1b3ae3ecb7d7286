using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// One contact being written as a vCard: the properties so far, the kept extras waiting to go last, and the item
/// groups (<c>item1</c>, <c>item2</c>) still free for labels, since a kept extra may already use some.
/// </summary>
internal sealed class VCardWriting
{
    private readonly List<VCardProperty> properties = [];
    private readonly List<VCardProperty> kept = [];
    private readonly List<VCardProperty> fullValues = [];
    private readonly HashSet<string> usedGroups = new(StringComparer.OrdinalIgnoreCase);
    private int lastGroup;

    public VCardWriting(ContactCard card, VCardVersion version)
    {
        Card = card;
        Version = version;
        foreach (var line in card.VCardExtras)
        {
            var property = KeptLine(line);
            if (VCardFullValues.IsFullValue(property)) fullValues.Add(property);
            else kept.Add(property);
            if (property.Group is not null) usedGroups.Add(property.Group);
        }
    }

    public ContactCard Card { get; }
    public VCardVersion Version { get; }

    public void Add(VCardProperty property) => properties.Add(property);

    /// <summary>
    /// A phone, email, address or link with its label: as TYPE values when the label is one vCard has a type for,
    /// else in a fresh item group with an X-ABLabel (as iOS and macOS write it). The primary one gets PREF=1 (4.0)
    /// or TYPE=pref (3.0).
    /// </summary>
    public void AddLabelled(VCardProperty property, string label, VCardLabels.Kind kind, bool primary = false)
    {
        var types = VCardLabels.ToTypes(label, kind);
        var typeValues = (types ?? []).ToList();
        if (primary && Version == VCardVersion.V3) typeValues.Add("pref");
        var parameters = property.Parameters.ToList();
        if (typeValues.Count > 0) parameters.Add(new VCardParameter("TYPE", [.. typeValues]));
        if (primary && Version == VCardVersion.V4) parameters.Add(new VCardParameter("PREF", "1"));
        if (types is not null)
        {
            Add(property with { Parameters = parameters });
            return;
        }
        var group = NextGroup();
        Add(property with { Group = group, Parameters = parameters });
        Add(new VCardProperty(group, "X-ABLabel", [], VCardValue.Escape(label)));
    }

    /// <summary>The first unused full value with this name that <paramref name="matches"/>, used up by taking it.</summary>
    public string? TakeFullValue(string name, Func<string, bool> matches)
    {
        var found = fullValues.FirstOrDefault(p => p.Name == name && matches(p.Value));
        if (found is not null) fullValues.Remove(found);
        return found?.Value;
    }

    /// <summary>The card so far, with the kept extras last. Full values nothing matched are stale and left out.</summary>
    public VCards.VCard Finish() => new(Version == VCardVersion.V4 ? "4.0" : "3.0", [.. properties, .. kept]);

    private string NextGroup()
    {
        string group;
        do group = $"item{++lastGroup}"; while (usedGroups.Contains(group));
        return group;
    }

    // Parsed only to learn its group and name; written back from the line itself, exactly as kept.
    private static VCardProperty KeptLine(string line)
    {
        var source = new VCardLine(0, line);
        try { return VCardPropertyParser.Parse(source) with { Source = source }; }
        catch (VCardFormatException) { return new VCardProperty(null, "", [], "") { Source = source }; }
    }
}
