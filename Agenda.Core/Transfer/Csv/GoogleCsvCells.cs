using Agenda.Core.Contacts;

namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// Google's conventions inside a cell: several values separated by <c>" ::: "</c> ("+1 555 0100 ::: +1 555 0101" under
/// one label); a label starting with <c>"* "</c> marks the primary entry ("* Mobile", or "* " alone for a primary entry
/// without a label); and in the Labels column, names starting with <c>"* "</c> are Google's system labels
/// ("* myContacts", "* starred"), not groups.
/// </summary>
internal static class GoogleCsvCells
{
    public const string Separator = " ::: ";
    public const string PrimaryMark = "* ";
    public const string MyContacts = "* myContacts", Starred = "* starred";

    /// <summary>The values of a multi-value cell, trimmed, empty ones left out. Tolerates ":::" without the spaces.</summary>
    public static IReadOnlyList<string> Split(string cell) =>
        cell.Length == 0 ? [] : [.. cell.Split(":::").Select(v => v.Trim()).Where(v => v.Length > 0)];

    public static string Join(IEnumerable<string> values) => string.Join(Separator, values);

    /// <summary>"* Mobile" → (mobile, primary); "Home Fax" → ("Home Fax", not primary); "* " → (other, primary).</summary>
    public static (string Label, bool Primary) ReadLabel(string cell)
    {
        var text = cell.Trim();
        var primary = text.StartsWith('*');
        return (ContactLabels.Normalize(primary ? text[1..] : text), primary);
    }

    /// <summary>Agenda's label as Google spells it: the known labels capitalised ("Mobile"), free text as it is.</summary>
    public static string WriteLabel(string label, bool primary)
    {
        var google = ContactLabels.Known.Contains(label) ? char.ToUpperInvariant(label[0]) + label[1..] : label;
        return primary ? PrimaryMark + google : google;
    }

    /// <summary>The Labels (or older Group Membership) cell: user labels are groups, "* starred" is the favourite.</summary>
    public static (IReadOnlyList<string> Groups, bool Favorite) ReadLabels(string cell)
    {
        var labels = Split(cell);
        return ([.. labels.Where(l => !l.StartsWith('*'))], labels.Any(l => IsSystem(l, Starred)));
    }

    /// <summary>Every contact is in "* myContacts" (Google puts imported contacts there), then its groups, then the star.</summary>
    public static string WriteLabels(IReadOnlyList<string> groups, bool favorite) =>
        Join([MyContacts, .. groups, .. favorite ? new[] { Starred } : []]);

    // "* starred" today, "* Starred" in the older layout.
    private static bool IsSystem(string label, string system) =>
        string.Equals(label.Replace(" ", ""), system.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
}
