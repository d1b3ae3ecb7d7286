using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// Reads a .vcf file (2.1, 3.0 and 4.0 cards, mixed) into contact cards. A card the syntax layer skipped (no END, an
/// unknown ENCODING or CHARSET, garbage) comes back with its reason, in file order with the cards that were read.
/// </summary>
public sealed class VCardContactReader : IContactReader
{
    public IReadOnlyList<ReadCard> Read(byte[] input)
    {
        var result = VCardDocumentReader.ReadLenient(input);
        // Both lists are in file order and no two entries start on the same line; merged by line, a card's place is its index.
        var cards = result.Cards.ToDictionary(card => card.LineNumber);
        var skipped = result.Skipped.ToDictionary(card => card.LineNumber);
        return [.. cards.Keys.Concat(skipped.Keys).Order()
            .Select((line, index) => cards.TryGetValue(line, out var card) ? Mapped(card, index) : Skipped(skipped[line]))];
    }

    private static ReadCard Mapped(VCards.VCard vcard, int index)
    {
        var (card, error) = VCardToContact.Map(vcard, index);
        return new ReadCard(index, vcard.LineNumber, card, error);
    }

    private static ReadCard Skipped(VCardSkippedCard skipped) => new(skipped.Index, skipped.LineNumber, null, skipped.Reason);
}
