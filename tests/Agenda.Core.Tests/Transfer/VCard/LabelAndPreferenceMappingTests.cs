using Agenda.Core.Contacts;
using Agenda.Core.VCards;
using static Agenda.Core.Tests.Transfer.VCard.TransferFixtures;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>Labels from TYPE (2.1, 3.0, 4.0 spellings) and X-ABLabel, and which entry is primary.</summary>
public class LabelAndPreferenceMappingTests
{
    [Theory]
    [InlineData("2.1", "TEL;CELL;VOICE:555 0100", "mobile")]
    [InlineData("2.1", "TEL;WORK;FAX:555 0100", "work fax")]
    [InlineData("3.0", "TEL;TYPE=cell,voice:555 0100", "mobile")]
    [InlineData("3.0", "TEL;type=HOME;type=FAX:555 0100", "home fax")]
    [InlineData("3.0", "TEL;TYPE=FAX:555 0100", "fax")]
    [InlineData("3.0", "TEL;TYPE=PAGER:555 0100", "pager")]
    [InlineData("3.0", "TEL;TYPE=CAR:555 0100", "car")]
    [InlineData("3.0", "TEL;TYPE=VOICE:555 0100", "other")]
    [InlineData("3.0", "TEL:555 0100", "other")]
    [InlineData("3.0", "TEL;type=IPHONE;type=CELL;type=VOICE:555 0100", "mobile")]
    [InlineData("4.0", "TEL;TYPE=\"cell,voice\":555 0100", "mobile")]
    [InlineData("4.0", "TEL;TYPE=\"work,voice\";PREF=1:555 0100", "work")]
    [InlineData("4.0", "TEL;TYPE=\"home,cell,voice,video,text\":555 0100", "mobile")]
    [InlineData("4.0", "TEL;TYPE=x-custom,text:555 0100", "other")]
    public void PhoneTypesGiveTheLabel(string version, string tel, string label) =>
        Assert.Equal(label, ImportOne(Card(version, "FN:A", tel)).Phones.Single().Label);

    [Theory]
    [InlineData("_$!<Mobile>!$_", "mobile")]
    [InlineData("_$!<Home>!$_", "home")]
    [InlineData("_$!<Other>!$_", "other")]
    [InlineData("_$!<HomeFAX>!$_", "home fax")]
    [InlineData("_$!<Main>!$_", "main")]
    [InlineData("Grandma", "Grandma")]
    [InlineData("WORK", "work")]
    [InlineData("Escritório\\, sede", "Escritório, sede")]
    public void AnAppleLabelInTheItemGroupGivesTheLabelAndIsNotKept(string appleLabel, string label)
    {
        var card = ImportOne(Card("3.0", "FN:A", "item1.TEL;type=WORK:555 0100", "item1.X-ABLabel:" + appleLabel));
        Assert.Equal(label, card.Phones.Single().Label);
        Assert.Empty(card.VCardExtras);
    }

    [Theory]
    [InlineData("EMAIL;TYPE=INTERNET;TYPE=HOME:a@example.com", "home")]
    [InlineData("EMAIL;INTERNET;WORK:a@example.com", "work")]
    [InlineData("EMAIL;TYPE=INTERNET:a@example.com", "other")]
    [InlineData("EMAIL;TYPE=aol:a@example.com", "aol")]
    [InlineData("ADR;TYPE=home,postal,parcel:;;Rua 1;Porto Velho;;;", "home")]
    [InlineData("ADR;TYPE=dom:;;Rua 1;Porto Velho;;;", "other")]
    [InlineData("URL;TYPE=work:https://example.com", "work")]
    [InlineData("URL:https://example.com", "other")]
    public void EmailAddressAndLinkTypesGiveTheLabel(string line, string label)
    {
        var card = ImportOne(Card("3.0", "FN:A", line));
        Assert.Equal(label, card.Emails.Select(e => e.Label).Concat(card.Addresses.Select(a => a.Label)).Concat(card.Urls.Select(u => u.Label)).Single());
    }

    [Theory]
    [InlineData("2.1", "TEL:1110", "TEL;PREF:2220", 1)]
    [InlineData("3.0", "TEL:1110", "TEL;TYPE=pref:2220", 1)]
    [InlineData("4.0", "TEL;PREF=50:1110", "TEL;PREF=3:2220", 1)]
    [InlineData("4.0", "TEL;PREF=1:1110", "TEL;PREF=1:2220", 0)]
    [InlineData("4.0", "TEL:1110", "TEL:2220", 0)]
    [InlineData("4.0", "TEL;PREF=abc:1110", "TEL;PREF=7:2220", 1)]
    public void TheMostPreferredPhoneIsPrimaryAndTheFirstWhenNoneIs(string version, string first, string second, int primary) =>
        Assert.Equal([primary == 0, primary == 1], ImportOne(Card(version, "FN:A", first, second)).Phones.Select(p => p.Primary));

    [Fact]
    public void TheMostPreferredEmailIsPrimary() =>
        Assert.Equal([false, true], ImportOne(Card("4.0", "FN:A", "EMAIL;PREF=20:a@example.com", "EMAIL;PREF=10:b@example.com")).Emails.Select(e => e.Primary));

    [Theory]
    [InlineData("TEL;VALUE=uri:tel:+1-555-555-0100", "+1-555-555-0100")]
    [InlineData("TEL:tel:+1-555-555-0100", "+1-555-555-0100")]
    [InlineData("TEL;VALUE=uri;TYPE=cell:tel:+55-69-98405-9615", "+55-69-98405-9615")]
    [InlineData("EMAIL;VALUE=uri:mailto:a@example.com", "a@example.com")]
    public void UrisGiveTheNumberOrAddressText(string line, string value)
    {
        var card = ImportOne(Card("4.0", "FN:A", line));
        Assert.Equal(value, card.Phones.Select(p => p.Number).Concat(card.Emails.Select(e => e.Address)).Single());
        Assert.Empty(card.VCardExtras);
    }

    [Theory]
    [InlineData("mobile", VCardVersion.V4, "TEL;TYPE=cell;PREF=1:555 0100")]
    [InlineData("mobile", VCardVersion.V3, "TEL;TYPE=cell,pref:555 0100")]
    [InlineData("other", VCardVersion.V4, "TEL;PREF=1:555 0100")]
    [InlineData("work fax", VCardVersion.V3, "TEL;TYPE=work,fax,pref:555 0100")]
    [InlineData("Grandma", VCardVersion.V4, "item1.TEL;PREF=1:555 0100\r\nitem1.X-ABLabel:Grandma")]
    [InlineData("Sede, RJ", VCardVersion.V3, "item1.TEL;TYPE=pref:555 0100\r\nitem1.X-ABLabel:Sede\\, RJ")]
    public async Task ALabelIsWrittenAsTypesWhereVCardHasThemAndAsAnAppleLabelOtherwise(string label, VCardVersion version, string lines)
    {
        var card = new ContactCard { FirstName = "A", Phones = [new ContactPhone(label, "555 0100", true)] };
        Assert.Contains("\r\n" + lines + "\r\n", await ExportAsync([card], version));
    }
}
