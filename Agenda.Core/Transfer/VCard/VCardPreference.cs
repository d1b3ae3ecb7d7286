using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>Which of several phones or emails is the primary one.</summary>
internal static class VCardPreference
{
    // 4.0: PREF=1..100, the lowest is the most preferred.  2.1 and 3.0: TYPE=pref (2.1 also bare ";PREF").
    // A TYPE=pref counts as PREF=1; on a tie the first in the file wins; with no preference at all, the first is primary.
    public static int PrimaryIndex(IReadOnlyList<VCardProperty> properties)
    {
        int best = 0, bestRank = int.MaxValue;
        for (int i = 0; i < properties.Count; i++)
        {
            int rank = Rank(properties[i]);
            if (rank < bestRank) (best, bestRank) = (i, rank);
        }
        return best;
    }

    private static int Rank(VCardProperty property)
    {
        int rank = property.Types.Contains("pref") ? 1 : int.MaxValue;
        foreach (var value in property.ParameterValues("PREF"))
            if (int.TryParse(value, out int pref) && pref is >= 1 and <= 100) rank = Math.Min(rank, pref);
        return rank;
    }
}
