namespace Agenda.Web.Components.Contacts.Editing;

/// <summary>
/// The messages of a refused save by path, in the store's spelling (<c>FirstName</c>, <c>Phones[1].Number</c>,
/// <c>Groups[2]</c>, or <c>Phones</c> for the whole list), plus the form's own (<c>Birthday</c>), looked up by the part
/// of the form that shows each one beside its input.
/// </summary>
public sealed class FormErrors(IReadOnlyDictionary<string, string[]> byPath)
{
    public static readonly FormErrors None = new(new Dictionary<string, string[]>());

    // The fields some part of the form shows, with everything under them (Phones[3].Label). Anything else, such as a
    // kept vCard property over its size limit, is listed above the Save button so no message is lost.
    private static readonly HashSet<string> Placed =
    [
        "FirstName", "SecondName", "MiddleName", "Prefix", "Suffix", "Nickname", "Organization", "JobTitle",
        "Phones", "Emails", "Addresses", "Urls", "Birthday", "Anniversary", "Groups", "Notes",
    ];

    public bool Any => byPath.Count > 0;

    /// <summary>The messages filed under exactly <paramref name="path"/>, or null when there are none.</summary>
    public string[]? For(string path) => byPath.TryGetValue(path, out var messages) && messages.Length > 0 ? messages : null;

    /// <summary>True when any message is filed under one of <paramref name="fields"/> (a collapsed section then opens).</summary>
    public bool AnyFor(params string[] fields) => byPath.Keys.Any(path => fields.Contains(RootOf(path)));

    /// <summary>True when any message is about entry <paramref name="index"/> of <paramref name="field"/>.</summary>
    public bool AnyUnder(string field, int index) => byPath.Keys.Any(p => p.StartsWith($"{field}[{index}]", StringComparison.Ordinal));

    /// <summary>Messages for paths no part of the form shows.</summary>
    public IEnumerable<string> Unplaced => byPath.Where(e => !Placed.Contains(RootOf(e.Key))).SelectMany(e => e.Value);

    public FormErrors With(IReadOnlyDictionary<string, string[]> more) =>
        new(byPath.Concat(more).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray()));

    /// <summary>
    /// The messages as they stand once entry <paramref name="index"/> of <paramref name="field"/> is removed from the
    /// form: its own go, and those of the entries after it move up one, so each message stays beside its entry.
    /// </summary>
    public FormErrors AfterRemoving(string field, int index)
    {
        var kept = new Dictionary<string, string[]>();
        foreach (var (path, messages) in byPath)
        {
            var prefix = field + "[";
            var close = path.IndexOf(']');
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || close < 0
                || !int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), out var at))
                kept[path] = messages;
            else if (at != index)
                kept[at < index ? path : $"{prefix}{at - 1}{path[close..]}"] = messages;
        }
        return new(kept);
    }

    private static string RootOf(string path) => path.Split('[', '.')[0];
}
