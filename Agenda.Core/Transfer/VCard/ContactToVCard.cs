using System.Globalization;
using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>Maps a contact card to one vCard, 4.0 or 3.0, the kept extras last and unchanged.</summary>
internal static class ContactToVCard
{
    public const string ProductId = "-//Agenda//Agenda contacts//EN";

    // PRODID, UID, N, FN, NICKNAME, ORG, TITLE, TEL…, EMAIL…, ADR…, URL…, BDAY, ANNIVERSARY, NOTE, CATEGORIES,
    // X-AGENDA-FAVORITE, REV, then the kept extras.
    public static VCards.VCard Map(ContactCard card, VCardVersion version, DateTime? revised = null)
    {
        var writing = new VCardWriting(card, version);
        writing.Add(VCardProperty.FromText("PRODID", ProductId));
        VCardNotesAndGroups.WriteUid(writing);
        VCardNames.Write(writing);
        VCardPhonesAndEmails.WritePhones(writing);
        VCardPhonesAndEmails.WriteEmails(writing);
        VCardAddressesAndLinks.WriteAddresses(writing);
        VCardAddressesAndLinks.WriteLinks(writing);
        VCardDates.Write(writing);
        VCardNotesAndGroups.WriteNotesAndGroups(writing);
        if (revised is { } time) writing.Add(new VCardProperty(null, "REV", [], Timestamp(time, version)));
        return writing.Finish();
    }

    // 4.0 timestamps are ISO 8601 basic (19951031T222710Z); 3.0 writers use the extended form (1995-10-31T22:27:10Z).
    private static string Timestamp(DateTime time, VCardVersion version) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString(
            version == VCardVersion.V4 ? "yyyyMMdd'T'HHmmss'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
