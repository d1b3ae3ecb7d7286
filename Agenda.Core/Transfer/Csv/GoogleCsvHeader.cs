namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// The header row of an imported file, resolved once so rows are read by index: where each named column is (names
/// trimmed and matched ignoring case, the first of repeated names wins), and each numbered group ("Phone 2 - Label",
/// "Phone 2 - Value") as its parts, in number order.
/// </summary>
internal sealed class GoogleCsvHeader
{
    private readonly IReadOnlyList<string> names;
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedDictionary<int, NumberedGroup>> groups = new(StringComparer.OrdinalIgnoreCase);

    private GoogleCsvHeader(IReadOnlyList<string> names)
    {
        this.names = names;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            columns.TryAdd(name, i);
            if (GoogleCsvColumns.ParseNumbered(name) is not { } n) continue;
            if (!groups.TryGetValue(n.Kind, out var numbers)) groups[n.Kind] = numbers = [];
            if (!numbers.TryGetValue(n.Number, out var group)) numbers[n.Number] = group = new NumberedGroup();
            group.Parts.TryAdd(n.Part, i);
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

    /// <summary>The groups of a kind of numbered column, by ascending number: "Phone 1 - ...", "Phone 2 - ...".</summary>
    public IEnumerable<NumberedGroup> Numbered(string kind) => groups.TryGetValue(kind, out var numbers) ? numbers.Values : [];

    /// <summary>One numbered group's columns by part ("Label", "Value", "City").</summary>
    public sealed class NumberedGroup
    {
        public Dictionary<string, int> Parts { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The index of the first of <paramref name="parts"/> the group has, or -1.</summary>
        public int Find(params ReadOnlySpan<string> parts)
        {
            foreach (var part in parts)
                if (Parts.TryGetValue(part, out var index)) return index;
            return -1;
        }
    }
}
