using Agenda.Core.Contacts;

namespace Agenda.Core.Tests.RichContacts;

/// <summary>Cards with every field filled, for the rich-contact tests.</summary>
internal static class RichCards
{
    public static ContactCard Bia => new()
    {
        FirstName = "Beatriz", SecondName = "Klein", MiddleName = "Maria", Prefix = "Dra.", Suffix = "Jr.", Nickname = "Bia",
        Organization = "Universidade Federal", JobTitle = "Professora",
        Phones = [new(ContactLabels.Mobile, "+55 69 98405-9615", true), new(ContactLabels.Work, "69 3221 0000"), new("fax", "69 3221 0001")],
        Emails = [new(ContactLabels.Work, "bia@unir.example.br"), new(ContactLabels.Home, "bia@example.com", true)],
        Addresses = [new(ContactLabels.Home, "Rua das Flores 12\nApto 3", "Porto Velho", "RO", "76800-000", "Brasil")],
        Urls = [new(ContactLabels.Work, "https://unir.example.br/~bia")],
        Birthday = new PartialDate(null, 2, 29),
        Anniversary = new PartialDate(2015, 10, 3),
        Notes = "Orientadora do projeto\nSala 204",
        Groups = ["Família", "Trabalho"],
        Favorite = true,
        VCardExtras = ["X-SOCIALPROFILE;TYPE=mastodon:https://example.social/@bia", "item9.IMPP:xmpp:bia@example.com"],
    };
}
