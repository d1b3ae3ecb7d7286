using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>The names, organisation and job title: N, FN, NICKNAME, ORG, TITLE.</summary>
internal static class VCardNames
{
    // N = family ";" given ";" additional ";" prefix ";" suffix  — each a comma list, joined here with spaces
    // (suffixes with ", ": "ing. jr, M.Sc."). Agenda needs a first name, so, in order:
    //   N's given name; else N's family name (a card with only "N:Smith;;;;"); else FN; else ORG's organisation
    //   (a company's card); else the card has no name. FN is not kept: export builds it from the names.
    public static ContactCard Read(VCardReading reading, ContactCard card)
    {
        var n = reading.TakeFirst("N")?.Components ?? [];
        var fn = reading.TakeFirst("FN")?.Text.Trim() ?? "";
        var org = reading.TakeFirst("ORG");
        var organization = org is null ? "" : VCardFullValues.Organization(org.Value);
        if (org is not null && org.Components.Skip(1).Any(unit => unit.Any(u => u.Trim().Length > 0)))
            reading.KeepFullValue(VCardFullValues.OrgLine(org.Value));

        string first = reading.Component(n, 1, " "), second = reading.Component(n, 0, " ");
        if (first.Length == 0) (first, second) = (second, "");
        if (first.Length == 0) first = fn;
        if (first.Length == 0) first = organization;
        return card with
        {
            FirstName = first, SecondName = second, MiddleName = reading.Component(n, 2, " "),
            Prefix = reading.Component(n, 3, " "), Suffix = reading.Component(n, 4, ", "),
            Nickname = string.Join(", ", reading.TakeFirst("NICKNAME")?.ListValues.Select(v => v.Trim()).Where(v => v.Length > 0) ?? []),
            Organization = organization,
            JobTitle = reading.TakeFirst("TITLE")?.Text.Trim() ?? "",
        };
    }

    public static void Write(VCardWriting writing)
    {
        var card = writing.Card;
        writing.Add(VCardProperty.FromStructured("N", [[card.SecondName], [card.FirstName], [card.MiddleName], [card.Prefix], [card.Suffix]]));
        writing.Add(VCardProperty.FromText("FN", DisplayName(card)));
        if (card.Nickname.Length > 0) writing.Add(VCardProperty.FromText("NICKNAME", card.Nickname));
        // A department without an organisation ("ORG:;Research") still has its full value to write.
        var full = writing.TakeFullValue(VCardFullValues.Org, v => VCardFullValues.Organization(v) == card.Organization);
        if (full is not null) writing.Add(new VCardProperty(null, "ORG", [], full));
        else if (card.Organization.Length > 0) writing.Add(VCardProperty.FromStructured("ORG", [[card.Organization]]));
        if (card.JobTitle.Length > 0) writing.Add(VCardProperty.FromText("TITLE", card.JobTitle));
    }

    // "Dr. Simon Perreault ing. jr, M.Sc.": the name as a person would write it; a company's card shows the company.
    private static string DisplayName(ContactCard card)
    {
        var name = string.Join(' ', new[] { card.Prefix, card.FirstName, card.MiddleName, card.SecondName, card.Suffix }.Where(p => p.Length > 0));
        return name.Length > 0 ? name : card.Organization;
    }

}
