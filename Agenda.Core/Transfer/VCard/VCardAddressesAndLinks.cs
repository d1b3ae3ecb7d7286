using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>Postal addresses (ADR) and web links (URL), each with its label (<see cref="VCardLabels"/>).</summary>
internal static class VCardAddressesAndLinks
{
    // ADR = pobox ";" extended ";" street ";" locality ";" region ";" code ";" country   (4.0: a street may list lines)
    // Agenda's Street holds lines: the street first, then the extended address (suite, flat), then the PO box, so
    // nothing of the first three components is lost. Export writes them all as street lines.
    private const int PoBox = 0, Extended = 1, Street = 2, Locality = 3, Region = 4, Code = 5, Country = 6;

    public static ContactCard Read(VCardReading reading, ContactCard card) => card with
    {
        Addresses = [.. reading.TakeAll("ADR").Select(adr => Address(adr, reading)).Where(a => !a.IsEmpty)],
        Urls = [.. reading.TakeAll("URL").Where(u => u.Text.Trim().Length > 0)
            .Select(u => new ContactUrl(VCardLabels.Read(u, reading), u.Text.Trim()))],
    };

    public static void WriteAddresses(VCardWriting writing)
    {
        foreach (var a in writing.Card.Addresses)
        {
            var adr = VCardProperty.FromStructured("ADR", [[""], [""], [a.Street], [a.City], [a.Region], [a.PostalCode], [a.Country]]);
            writing.AddLabelled(adr, a.Label, VCardLabels.Kind.Address);
        }
    }

    // A URL is a URI, not text: written as it is, without text escapes (a comma in a query string stays a comma).
    public static void WriteLinks(VCardWriting writing)
    {
        foreach (var u in writing.Card.Urls) writing.AddLabelled(new VCardProperty(null, "URL", [], u.Url), u.Label, VCardLabels.Kind.Url);
    }

    private static ContactAddress Address(VCardProperty adr, VCardReading reading)
    {
        var parts = adr.Components;
        string Part(int index, string separator) => reading.Component(parts, index, separator);
        var lines = new[] { Street, Extended, PoBox }.SelectMany(i => Part(i, "\n").Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0);
        return new ContactAddress(VCardLabels.Read(adr, reading), string.Join('\n', lines),
            Part(Locality, ", "), Part(Region, ", "), Part(Code, ", "), Part(Country, ", "));
    }
}
