using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>Phones (TEL) and emails (EMAIL), each with its label (<see cref="VCardLabels"/>) and one primary (<see cref="VCardPreference"/>).</summary>
internal static class VCardPhonesAndEmails
{
    public static ContactCard Read(VCardReading reading, ContactCard card)
    {
        var tels = reading.TakeAll("TEL").Select(t => (Property: t, Number: Number(t, reading))).Where(t => t.Number.Length > 0).ToList();
        var primaryTel = VCardPreference.PrimaryIndex([.. tels.Select(t => t.Property)]);
        var emails = reading.TakeAll("EMAIL").Select(e => (Property: e, Address: Address(e))).Where(e => e.Address.Length > 0).ToList();
        var primaryEmail = VCardPreference.PrimaryIndex([.. emails.Select(e => e.Property)]);
        return card with
        {
            Phones = [.. tels.Select((t, i) => new ContactPhone(VCardLabels.Read(t.Property, reading), t.Number, i == primaryTel))],
            Emails = [.. emails.Select((e, i) => new ContactEmail(VCardLabels.Read(e.Property, reading), e.Address, i == primaryEmail))],
        };
    }

    public static void WritePhones(VCardWriting writing)
    {
        var phones = writing.Card.Phones;
        int primary = Math.Max(0, phones.ToList().FindIndex(p => p.Primary));
        for (int i = 0; i < phones.Count; i++)
        {
            var number = phones[i].Number;
            var uri = writing.TakeFullValue(VCardFullValues.Tel, v => VCardFullValues.TelNumber(v) == number);
            var tel = uri is null ? VCardProperty.FromText("TEL", number) : new VCardProperty(null, "TEL", [new VCardParameter("VALUE", "uri")], uri);
            writing.AddLabelled(tel, phones[i].Label, VCardLabels.Kind.Phone, i == primary);
        }
    }

    public static void WriteEmails(VCardWriting writing)
    {
        var emails = writing.Card.Emails;
        int primary = Math.Max(0, emails.ToList().FindIndex(e => e.Primary));
        for (int i = 0; i < emails.Count; i++)
            writing.AddLabelled(VCardProperty.FromText("EMAIL", emails[i].Address), emails[i].Label, VCardLabels.Kind.Email, i == primary);
    }

    // A number is text ("+55 11 91234-5678") or, in 4.0, a tel: URI ("VALUE=uri:tel:+1-418-656-9254;ext=102"), whose
    // number is what a person dials; the URI's parameters are kept in a full value (VCardFullValues).
    private static string Number(VCardProperty tel, VCardReading reading)
    {
        bool uri = tel.ParameterValues("VALUE").Any(v => v.Equals("uri", StringComparison.OrdinalIgnoreCase))
            || tel.Value.TrimStart().StartsWith("tel:", StringComparison.OrdinalIgnoreCase);
        if (!uri) return tel.Text.Trim();
        var value = tel.Value.Trim();
        if (VCardFullValues.HasParameters(value)) reading.KeepFullValue(VCardFullValues.TelLine(value));
        return VCardFullValues.TelNumber(value);
    }

    private static string Address(VCardProperty email)
    {
        var address = email.Text.Trim();
        return address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? address[7..].Trim() : address;
    }
}
