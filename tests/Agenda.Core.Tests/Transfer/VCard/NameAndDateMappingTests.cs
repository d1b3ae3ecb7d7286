using Agenda.Core.Contacts;
using Agenda.Core.Transfer.VCard;
using Agenda.Core.VCards;
using static Agenda.Core.Tests.Transfer.VCard.TransferFixtures;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>Where a card's name comes from, and birthdays and anniversaries in every spelling exporters use.</summary>
public class NameAndDateMappingTests
{
    [Theory]
    [InlineData("N:Silva;Ana;;;", "FN:Ana Silva", "Ana", "Silva")]
    [InlineData("N:Silva;;;;", "FN:Silva", "Silva", "")]
    [InlineData("N:;;;;", "FN:Ana Maria Silva", "Ana Maria Silva", "")]
    [InlineData("FN:Ana Maria Silva", "NOTE:no N at all", "Ana Maria Silva", "")]
    [InlineData("ORG:Acme Ltda.;Vendas", "NOTE:a company", "Acme Ltda.", "")]
    [InlineData("N:;;;;", "ORG:Acme Ltda.", "Acme Ltda.", "")]
    public void TheFirstNameComesFromNThenFnThenOrg(string line1, string line2, string first, string second)
    {
        var card = ImportOne(Card("3.0", line1, line2));
        Assert.Equal((first, second), (card.FirstName, card.SecondName));
    }

    [Fact]
    public void ACardWithoutAnyNameIsAnErrorNamingItsPlaceAndLine()
    {
        var read = new VCardContactReader().Read(System.Text.Encoding.UTF8.GetBytes(
            Card("3.0", "FN:Ana") + Card("3.0", "N:;;;;", "FN: ", "TEL:555 0100")));
        Assert.Equal("Ana", read[0].Card!.FirstName);
        Assert.Equal((1, 5, null), (read[1].Index, read[1].Line, read[1].Card));
        Assert.Equal("line 5: card 1 has no name (N, FN or ORG)", read[1].Error);
    }

    [Fact]
    public void NameListsAreJoinedInThe3And4FormsAndCommasAreDataIn21()
    {
        var modern = ImportOne(Card("4.0", "N:Perreault;Simon;Jean,Marc;Dr.,Prof.;ing. jr,M.Sc."));
        Assert.Equal(("Jean Marc", "Dr. Prof.", "ing. jr, M.Sc."), (modern.MiddleName, modern.Prefix, modern.Suffix));
        var outlook = ImportOne(Card("2.1", "N:Silva;Ana;;;Jr., PhD", "ADR;HOME:;;Rua das Flores, 123;Porto Velho;;;"));
        Assert.Equal(("Jr., PhD", "Rua das Flores, 123"), (outlook.Suffix, outlook.Addresses.Single().Street));
    }

    [Fact]
    public void PoBoxAndExtendedAddressBecomeStreetLines()
    {
        var card = ImportOne(Card("4.0", "FN:A", "ADR;TYPE=work:PO Box 7;Suite D2-630;2875 Laurier,Floor 2;Quebec;QC;G1V 2M2;Canada"));
        Assert.Equal(new ContactAddress("work", "2875 Laurier\nFloor 2\nSuite D2-630\nPO Box 7", "Quebec", "QC", "G1V 2M2", "Canada"), card.Addresses.Single());
    }

    [Theory]
    [InlineData("BDAY:1990-05-17", "1990-05-17")]
    [InlineData("BDAY:19900517", "1990-05-17")]
    [InlineData("BDAY;VALUE=date:1990-05-17", "1990-05-17")]
    [InlineData("BDAY:1990-05-17T10:00:00Z", "1990-05-17")]
    [InlineData("BDAY:19900517T100000", "1990-05-17")]
    [InlineData("BDAY:--0517", "--05-17")]
    [InlineData("BDAY:--05-17", "--05-17")]
    [InlineData("BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17", "--05-17")]
    [InlineData("BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29", "--02-29")]
    [InlineData("BDAY:1604-05-17", "1604-05-17")]
    public void BirthdaysAreReadWithAndWithoutTheYear(string line, string birthday)
    {
        var card = ImportOne(Card("3.0", "FN:A", line));
        Assert.Equal(birthday, card.Birthday.ToString());
        Assert.Empty(card.VCardExtras);
    }

    [Theory]
    [InlineData("BDAY;VALUE=text:circa 1800")]
    [InlineData("BDAY:1990-05")]
    [InlineData("BDAY:1990-02-30")]
    public void ABirthdayThatIsNotADayIsKeptAsItWas(string line)
    {
        var card = ImportOne(Card("4.0", "FN:A", line));
        Assert.Null(card.Birthday);
        Assert.Equal([line], card.VCardExtras);
    }

    [Theory]
    [InlineData("ANNIVERSARY:20090808T1430-0500")]
    [InlineData("X-ANNIVERSARY:2009-08-08")]
    [InlineData("item1.X-ABDATE;type=pref:2009-08-08\r\nitem1.X-ABLabel:_$!<Anniversary>!$_")]
    public void TheAnniversaryIsReadFromEachWritersProperty(string lines)
    {
        var card = ImportOne(Card("3.0", "FN:A", lines));
        Assert.Equal(new PartialDate(2009, 8, 8), card.Anniversary);
        Assert.Empty(card.VCardExtras);
    }

    [Fact]
    public void AnAppleDateWithAnotherLabelIsKeptWithItsLabel()
    {
        var card = ImportOne(Card("3.0", "FN:A", "item1.X-ABDATE:2001-01-01", "item1.X-ABLabel:_$!<Other>!$_"));
        Assert.Null(card.Anniversary);
        Assert.Equal(["item1.X-ABDATE:2001-01-01", "item1.X-ABLabel:_$!<Other>!$_"], card.VCardExtras);
    }

    [Theory]
    [InlineData(1990, VCardVersion.V4, "BDAY:19900517", "ANNIVERSARY:19900517")]
    [InlineData(null, VCardVersion.V4, "BDAY:--0517", "ANNIVERSARY:--0517")]
    [InlineData(1990, VCardVersion.V3, "BDAY:1990-05-17", "X-ANNIVERSARY:1990-05-17")]
    [InlineData(null, VCardVersion.V3, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17", "X-ANNIVERSARY;X-APPLE-OMIT-YEAR=1604:1604-05-17")]
    public async Task DatesAreWrittenInEachVersionsForm(int? year, VCardVersion version, string birthday, string anniversary)
    {
        var date = new PartialDate(year, 5, 17);
        var vcf = await ExportAsync([new ContactCard { FirstName = "A", Birthday = date, Anniversary = date }], version);
        Assert.Contains("\r\n" + birthday + "\r\n", vcf);
        Assert.Contains("\r\n" + anniversary + "\r\n", vcf);
    }

    [Fact]
    public async Task NamesAreWrittenAsNAndADisplayName()
    {
        var card = new ContactCard { FirstName = "Ana", SecondName = "Silva; Souza", MiddleName = "Maria", Prefix = "Dra.", Suffix = "PhD, MD" };
        var vcf = await ExportAsync([card], VCardVersion.V4);
        Assert.Contains("\r\nN:Silva\\; Souza;Ana;Maria;Dra.;PhD\\, MD\r\n", vcf);
        Assert.Contains("\r\nFN:Dra. Ana Maria Silva\\; Souza PhD\\, MD\r\n", vcf);
    }
}
