namespace Agenda.Core.VCards;

/// <summary>What a lenient read found: the cards that parsed, and each skipped one with why.</summary>
public sealed record VCardReadResult(IReadOnlyList<VCard> Cards, IReadOnlyList<VCardSkippedCard> Skipped);

/// <summary>
/// A card left out of a lenient read. <see cref="Index"/> counts cards (and runs of stray lines outside cards) from 0
/// in file order; <see cref="LineNumber"/> is where the card starts; <see cref="Error"/> names the offending line.
/// </summary>
public sealed record VCardSkippedCard(int Index, int LineNumber, VCardFormatException Error)
{
    public string Reason => Error.Message;
}
