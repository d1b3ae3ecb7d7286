using System.Globalization;
using System.Text;

namespace Agenda.Core.Storage.Changes;

/// <summary>
/// Contact ids as ascending ranges of consecutive ids, the way change notices spell them: <c>42</c>,
/// <c>0-9999,10005,10007-10010</c>. An import's new contacts take one block of ids, so 10,000 of them are one range.
/// </summary>
internal static class ContactIdRanges
{
    // "9223372036854775806-9223372036854775807," : two longs, a dash and a comma.
    private const int LongestRange = 2 * 19 + 2;

    public readonly record struct Range(long First, long Last)
    {
        public long Count => Last - First + 1;

        public override string ToString() => First == Last
            ? First.ToString(CultureInfo.InvariantCulture)
            : $"{First.ToString(CultureInfo.InvariantCulture)}-{Last.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The ids as groups of ranges, each group at most <paramref name="maxIds"/> ids and <paramref name="maxText"/>
    /// characters when formatted: one change notice each.
    /// </summary>
    public static IEnumerable<IReadOnlyList<Range>> Groups(IEnumerable<long> ids, int maxIds, int maxText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxText, LongestRange); // else a range might never fit
        var group = new List<Range>();
        var (idsInGroup, textInGroup) = (0L, 0);
        foreach (var range in Ranges(ids))
        {
            for (var rest = range; rest.Count > 0;)
            {
                var take = Math.Min(rest.Count, maxIds - idsInGroup);
                var piece = new Range(rest.First, rest.First + take - 1);
                var text = piece.ToString().Length + 1; // with its comma
                if (take == 0 || textInGroup + text > maxText)
                {
                    yield return group;
                    (group, idsInGroup, textInGroup) = ([], 0, 0);
                    continue;
                }
                group.Add(piece);
                (idsInGroup, textInGroup) = (idsInGroup + take, textInGroup + text);
                rest = new Range(piece.Last + 1, rest.Last);
            }
        }
        if (group.Count > 0) yield return group;
    }

    public static string Format(IEnumerable<Range> ranges) => string.Join(',', ranges);

    /// <summary>Reads what <see cref="Format"/> wrote; false for anything else (ranges out of order or overlapping too).</summary>
    public static bool TryParse(string? text, out IReadOnlyList<Range> ranges)
    {
        var parsed = new List<Range>();
        ranges = parsed;
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var part in text.Split(','))
        {
            if (part.Length == 0) return false;
            var dash = part.IndexOf('-', 1); // not the first character: ids are never negative anyway
            var first = dash < 0 ? part : part[..dash];
            var last = dash < 0 ? part : part[(dash + 1)..];
            if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                || !long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                || b < a || (parsed.Count > 0 && a <= parsed[^1].Last)) return false;
            parsed.Add(new Range(a, b));
        }
        return true;
    }

    private static IEnumerable<Range> Ranges(IEnumerable<long> ids)
    {
        Range? open = null;
        foreach (var id in ids.Distinct().Order())
        {
            if (open is { } r && id == r.Last + 1) { open = r with { Last = id }; continue; }
            if (open is { } done) yield return done;
            open = new Range(id, id);
        }
        if (open is { } last) yield return last;
    }
}
