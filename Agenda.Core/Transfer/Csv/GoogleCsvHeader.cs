using System.Globalization;

namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// The header row of an imported file: where each named column is (names trimmed and matched ignoring case, the first
/// of repeated names wins) and which numbers each kind of numbered column has ("Phone 1", "Phone 2", ...).
/// </summary>
internal sealed class GoogleCsvHeader
{
    private readonly IReadOnlyList<string> names;
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedSet<int>> numbers = new(StringComparer.OrdinalIgnoreCase);

    private GoogleCsvHeader(IReadOnlyList<string> names)
    {
        this.names = names;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            columns.TryAdd(name, i);
            if (ParseNumbered(name) is { } n)
            {
                if (!numbers.TryGetValue(n.Kind, out var set)) numbers[n.Kind] = set = [];
                set.Add(n.Number);
            }
        }
    }

    /// <summary>The header, or null when it names no column of the layout (not a Google Contacts file).</summary>
    public static GoogleCsvHeader? Recognise(IReadOnlyList<string> names) =>
        names.Any(n => GoogleCsvColumns.IsKnown(n.Trim())) ? new GoogleCsvHeader(names) : null;

    public int Count => names.Count;

    public string NameAt(int index) => names[index].Trim();

    /// <summary>The index of the first of <paramref name="candidates"/> the header has, or -1.</summary>
    public int Find(params ReadOnlySpan<string> candidates)
    {
        foreach (var name in candidates)
            if (columns.TryGetValue(name, out var index)) return index;
        return -1;
    }

    /// <summary>The numbers the header has for a kind of numbered column, ascending: 1, 2, 3 for "Phone 1..3 - ...".</summary>
    public IEnumerable<int> Numbers(string kind) => numbers.TryGetValue(kind, out var set) ? set : [];

    // numbered = kind SP number SP "-" SP part   ; "E-mail 12 - Value", "Custom Field 1 - Label"
    public static (string Kind, int Number, string Part)? ParseNumbered(string name)
    {
        var dash = name.IndexOf(" - ", StringComparison.Ordinal);
        if (dash < 1) return null;
        var space = name.LastIndexOf(' ', dash - 1);
        if (space <= 0) return null;
        var digits = name[(space + 1)..dash];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1) return null;
        return (name[..space], number, name[(dash + 3)..]);
    }
}
