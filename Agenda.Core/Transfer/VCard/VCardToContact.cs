using Agenda.Core.Contacts;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// Maps one vCard (2.1, 3.0 or 4.0) to a contact card. Nothing is validated here: the store checks the card and
/// reports what is wrong with it. The one thing a card cannot lack is a name, since there would be nothing to call it.
/// </summary>
internal static class VCardToContact
{
    /// <summary>The card, or why there is none; <paramref name="index"/> is the card's place in its file, from 0.</summary>
    public static (ContactCard? Card, string? Error) Map(VCards.VCard vcard, int index)
    {
        var reading = new VCardReading(vcard);
        var card = VCardNames.Read(reading, new ContactCard());
        if (card.FirstName.Length == 0) return (null, $"line {vcard.LineNumber}: card {index} has no name (N, FN or ORG)");
        card = VCardPhonesAndEmails.Read(reading, card);
        card = VCardAddressesAndLinks.Read(reading, card);
        card = VCardDates.Read(reading, card);
        card = VCardNotesAndGroups.Read(reading, card);
        return (card with { VCardExtras = reading.Extras() }, null);
    }
}
