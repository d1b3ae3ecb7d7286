using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// NOTE, CATEGORIES (Agenda's groups), UID, and the favourite flag. vCard has no favourite, so Agenda writes its own
/// <c>X-AGENDA-FAVORITE:TRUE</c> on a favourite's card and reads it back; other programs keep or ignore it.
/// </summary>
internal static class VCardNotesAndGroups
{
    public const string Favorite = "X-AGENDA-FAVORITE";

    // Every CATEGORIES line adds its groups; a group repeated (in any case) counts once, as the store keeps it.
    public static ContactCard Read(VCardReading reading, ContactCard card) => card with
    {
        Notes = (reading.TakeFirst("NOTE")?.Text ?? "").Replace("\r\n", "\n").Trim(),
        Groups = [.. reading.TakeAll("CATEGORIES").SelectMany(c => c.ListValues).Select(g => g.Trim()).Where(g => g.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)],
        Favorite = reading.TakeFirst(Favorite)?.Text.Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase) ?? false,
        Uid = reading.TakeFirst("UID")?.Text.Trim() ?? "",
    };

    public static void WriteUid(VCardWriting writing)
    {
        if (writing.Card.Uid.Length > 0) writing.Add(VCardProperty.FromText("UID", writing.Card.Uid));
    }

    public static void WriteNotesAndGroups(VCardWriting writing)
    {
        var card = writing.Card;
        if (card.Notes.Length > 0) writing.Add(VCardProperty.FromText("NOTE", card.Notes));
        if (card.Groups.Count > 0) writing.Add(new VCardProperty(null, "CATEGORIES", [], VCardValue.FormatList(card.Groups)));
        if (card.Favorite) writing.Add(new VCardProperty(null, Favorite, [], "TRUE"));
    }
}
