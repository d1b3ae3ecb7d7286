using Agenda.Core.Contacts;
using Agenda.Core.VCards;
using static Agenda.Core.Tests.Transfer.VCard.TransferFixtures;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>Properties Agenda does not model are kept as read and written back unchanged; its own lines are never kept twice.</summary>
public class KeptExtrasMappingTests
{
    [Fact]
    public void UnknownPropertiesAreKeptAsTheirUnfoldedLinesWithTheirGroups()
    {
        var card = ImportOne(Card("3.0", "FN:A", "X-FOO;TYPE=a,b:one\\, two", "item3.X-SOCIALPROFILE;type=twitter:https://x.example/a",
            "item3.X-ABLabel:twitter", "IMPP;X-SERVICE-TYPE=Jabber:xmpp:a@example.com", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n SkZJRg=="));
        Assert.Equal(["X-FOO;TYPE=a,b:one\\, two", "item3.X-SOCIALPROFILE;type=twitter:https://x.example/a", "item3.X-ABLabel:twitter",
            "IMPP;X-SERVICE-TYPE=Jabber:xmpp:a@example.com", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg=="], card.VCardExtras);
    }

    [Fact]
    public void AQuotedPrintableExtraIsKeptDecoded()
    {
        var card = ImportOne(Card("2.1", "FN:A", "X-MS-NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ol=C3=A1=0D=0Amundo"));
        Assert.Equal(["X-MS-NOTE:Olá\\nmundo"], card.VCardExtras);
    }

    [Fact]
    public void VersionProdidAndRevAreNotKeptBecauseExportWritesThemAgain()
    {
        var card = ImportOne(Card("4.0", "PRODID:-//Other//EN", "REV:20240101T000000Z", "FN:A", "X-AGENDA-ORG:Forged;Unit"));
        Assert.Empty(card.VCardExtras);
    }

    [Fact]
    public async Task KeptExtrasAreWrittenLastAndUnchangedAndLabelsAvoidTheirGroups()
    {
        var card = new ContactCard
        {
            FirstName = "A", Phones = [new ContactPhone("Grandma", "555 0100", true)],
            VCardExtras = ["item1.X-ABRELATEDNAMES:Jane", "item1.X-ABLabel:_$!<Spouse>!$_", "X-ODD;TYPE=\"a,b\":x\\,y"],
        };
        var vcf = await ExportAsync([card], VCardVersion.V3);
        Assert.EndsWith("\r\nitem2.TEL;TYPE=pref:555 0100\r\nitem2.X-ABLabel:Grandma\r\nREV:2026-05-17T10:30:00Z\r\n" +
            "item1.X-ABRELATEDNAMES:Jane\r\nitem1.X-ABLabel:_$!<Spouse>!$_\r\nX-ODD;TYPE=\"a,b\":x\\,y\r\nEND:VCARD\r\n", vcf);
        Assert.Equal(card, ImportOne(vcf));
    }

    [Fact]
    public void AnAppleLabelIsKeptWhenItsGroupHoldsAPropertyAgendaDoesNotModel()
    {
        var card = ImportOne(Card("3.0", "FN:A", "item1.ADR;type=HOME:;;Rua 1;Porto Velho;;;", "item1.X-ABADR:br", "item1.X-ABLabel:Casa da praia"));
        Assert.Equal("Casa da praia", card.Addresses.Single().Label);
        Assert.Equal(["item1.X-ABADR:br", "item1.X-ABLabel:Casa da praia"], card.VCardExtras);
    }

    [Fact]
    public async Task AnOrganisationsDepartmentsSurviveAnExportUntilTheOrganisationChanges()
    {
        var card = ImportOne(Card("4.0", "FN:A", "ORG:Viagenie;R&D\\, Networks;Lab"));
        Assert.Equal("Viagenie", card.Organization);
        Assert.Equal(["X-AGENDA-ORG:Viagenie;R&D\\, Networks;Lab"], card.VCardExtras);
        Assert.Contains("\r\nORG:Viagenie;R&D\\, Networks;Lab\r\n", await ExportAsync([card], VCardVersion.V4));
        Assert.DoesNotContain("X-AGENDA-ORG", await ExportAsync([card], VCardVersion.V3));

        var renamed = await ExportAsync([card with { Organization = "Other Inc." }], VCardVersion.V4);
        Assert.Contains("\r\nORG:Other Inc.\r\n", renamed);
        Assert.DoesNotContain("Viagenie", renamed);
    }

    [Fact]
    public async Task ATelUrisExtensionSurvivesAnExportUntilTheNumberChanges()
    {
        var card = ImportOne(Card("4.0", "FN:A", "TEL;VALUE=uri;TYPE=work:tel:+1-418-656-9254;ext=102"));
        Assert.Equal(new ContactPhone("work", "+1-418-656-9254", true), card.Phones.Single());
        Assert.Equal(["X-AGENDA-TEL:tel:+1-418-656-9254;ext=102"], card.VCardExtras);
        Assert.Contains("\r\nTEL;VALUE=uri;TYPE=work;PREF=1:tel:+1-418-656-9254;ext=102\r\n", await ExportAsync([card], VCardVersion.V4));

        var changed = await ExportAsync([card.WithPhoneNumber("+1 418 555 0000")], VCardVersion.V4);
        Assert.Contains("\r\nTEL;TYPE=work;PREF=1:+1 418 555 0000\r\n", changed);
        Assert.DoesNotContain("ext=102", changed);
    }

    [Fact]
    public async Task TheFavouriteIsAgendasOwnProperty()
    {
        Assert.True(ImportOne(Card("4.0", "FN:A", "X-AGENDA-FAVORITE:true")).Favorite);
        Assert.False(ImportOne(Card("4.0", "FN:A", "X-AGENDA-FAVORITE:FALSE")).Favorite);
        Assert.Contains("\r\nX-AGENDA-FAVORITE:TRUE\r\n", await ExportAsync([new ContactCard { FirstName = "A", Favorite = true }], VCardVersion.V3));
        Assert.DoesNotContain("X-AGENDA-FAVORITE", await ExportAsync([new ContactCard { FirstName = "A" }], VCardVersion.V3));
    }

    [Fact]
    public void EveryCategoriesLineAddsGroupsOnce()
    {
        var card = ImportOne(Card("3.0", "FN:A", "CATEGORIES:Amigos\\, antigos,Família", "CATEGORIES:família, Trabalho ,"));
        Assert.Equal(["Amigos, antigos", "Família", "Trabalho"], card.Groups);
    }
}
