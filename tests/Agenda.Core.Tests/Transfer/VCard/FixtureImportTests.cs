using Agenda.Core.Contacts;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>What each exporter's file gives, field by field.</summary>
public class FixtureImportTests
{
    private static IReadOnlyList<ContactCard> Import(string fixture) => TransferFixtures.Import(TransferFixtures.Bytes(fixture));

    [Fact]
    public void AnIosCardGivesItsLabelledEntriesDatesAndKeptProperties()
    {
        var card = Import(TransferFixtures.Ios)[0];
        Assert.Equal(("John", "Appleseed", "Quincy", "Dr.", "Jr.", "Johnny"), (card.FirstName, card.SecondName, card.MiddleName, card.Prefix, card.Suffix, card.Nickname));
        Assert.Equal(("Apple Inc.", "Engineer"), (card.Organization, card.JobTitle));
        Assert.Equal([
            new ContactPhone("mobile", "+1 (408) 555-0100", true), new ContactPhone("mobile", "+1 (408) 555-0101"),
            new ContactPhone("home fax", "+1 (408) 555-0102"), new ContactPhone("Grandma", "+1 (408) 555-0103")], card.Phones);
        Assert.Equal([new ContactEmail("home", "john@example.com", true), new ContactEmail("work", "john.appleseed@apple.example")], card.Emails);
        Assert.Equal([new ContactAddress("work", "1 Infinite Loop\nBuilding 2", "Cupertino", "CA", "95014", "United States")], card.Addresses);
        Assert.Equal([new ContactUrl("home page", "https://example.com/john")], card.Urls);
        Assert.Equal(("--02-29", "2010-06-12"), (card.Birthday.ToString(), card.Anniversary.ToString()));
        Assert.Equal("Met at WWDC, 2019.\nLikes ;semicolons; and \\backslashes.", card.Notes);
        Assert.Equal(["Work", "Friends"], card.Groups);
        Assert.Equal(7, card.VCardExtras.Count);
        Assert.Equal(["item4.X-ABADR:us", "item7.X-ABRELATEDNAMES;type=pref:Jane Appleseed", "item7.X-ABLabel:_$!<Spouse>!$_",
            "X-SOCIALPROFILE;type=twitter;x-user=johnny:https://twitter.com/johnny", "IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:john.appleseed"],
            card.VCardExtras.Take(5));
        Assert.StartsWith("PHOTO;ENCODING=b;TYPE=JPEG:/9j/", card.VCardExtras[5]);
        Assert.EndsWith("==", card.VCardExtras[5]);
        Assert.DoesNotContain(' ', card.VCardExtras[5]); // unfolded
        Assert.Equal("X-AGENDA-ORG:Apple Inc.;Frameworks Engineering;", card.VCardExtras[6]);
    }

    [Fact]
    public void AMacOsCompanyCardIsNamedAfterTheCompany()
    {
        var company = Import(TransferFixtures.Ios)[1];
        Assert.Equal(("Acme Corporation", "", "Acme Corporation"), (company.FirstName, company.SecondName, company.Organization));
        Assert.Equal([new ContactPhone("main", "+1 800 555 0199", true)], company.Phones);
        Assert.Equal([new ContactEmail("Sales", "sales@acme.example", true)], company.Emails);
        Assert.Equal(["X-ABShowAs:COMPANY"], company.VCardExtras);
    }

    [Fact]
    public void GoogleCardsGiveEveryField()
    {
        var cards = Import(TransferFixtures.Google);
        var maria = cards[0];
        Assert.Equal(("Maria", "da Silva", "Mari", "Empresa Exemplo Ltda.", "Gerente de Projetos"),
            (maria.FirstName, maria.SecondName, maria.Nickname, maria.Organization, maria.JobTitle));
        Assert.Equal([new ContactEmail("home", "maria@gmail.example", true), new ContactEmail("work", "maria.silva@empresa.example")], maria.Emails);
        Assert.Equal([new ContactPhone("mobile", "+55 11 91234-5678", true), new ContactPhone("work", "+55 11 3333-4444")], maria.Phones);
        Assert.Equal([new ContactAddress("home", "Av. Paulista, 1000\nApto 52", "São Paulo", "SP", "01310-100", "Brasil")], maria.Addresses);
        Assert.Equal([new ContactUrl("blog", "https://maria.example/blog")], maria.Urls);
        Assert.Equal(("--05-17", "2015-09-12"), (maria.Birthday.ToString(), maria.Anniversary.ToString()));
        Assert.Equal("Conheci no evento, 2019\nSegunda linha", maria.Notes);
        Assert.Equal(["myContacts", "Família"], maria.Groups);
        Assert.Empty(maria.VCardExtras);
        Assert.Equal(ContactCard.Simple("Pedro", "", "+55 21 98888-7777", null) with { Groups = ["myContacts"] }, cards[1]);
    }

    [Fact]
    public void AnOutlookCardInQuotedPrintableUtf8IsDecoded()
    {
        var card = Assert.Single(Import(TransferFixtures.Outlook));
        Assert.Equal(("João", "Conceição", "Sr.", "Construções Ltda.", "Diretor"), (card.FirstName, card.SecondName, card.Prefix, card.Organization, card.JobTitle));
        Assert.Equal([new ContactPhone("work", "(11) 5555-0100"), new ContactPhone("mobile", "(11) 95555-0101", true), new ContactPhone("work fax", "(11) 5555-0102")], card.Phones);
        Assert.Equal([new ContactEmail("other", "joao@construcoes.example", true)], card.Emails);
        Assert.Equal([new ContactAddress("work", "Rua das Flores, 123\nSala 4", "São Paulo", "SP", "01000-000", "Brasil")], card.Addresses);
        Assert.Equal([new ContactUrl("work", "http://www.construcoes.example")], card.Urls);
        Assert.Equal("1975-03-21", card.Birthday.ToString());
        Assert.Equal("Primeira linha\nSegunda com acentuação e um texto que continuana próxima", card.Notes);
        Assert.Equal([
            "LABEL;TYPE=WORK;TYPE=PREF:Rua das Flores, 123\\nSala 4\\nSão Paulo, SP 01000-000\\nBrasil",
            "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
            "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards\" ver=\"1.0\" layout=\"left\" bgcolor=\"ffffff\"></card>",
            "X-AGENDA-ORG:Construções Ltda.;Engenharia"], card.VCardExtras);
    }

    [Fact]
    public void AnRfc6350CardGivesTelUriNumbersAndAYearlessBirthday()
    {
        var card = Assert.Single(Import(TransferFixtures.Rfc6350));
        Assert.Equal("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", card.Uid);
        Assert.Equal(("Simone", "Perreira", "ing. jr, M.Sc.", "Exemplo Networks"), (card.FirstName, card.SecondName, card.Suffix, card.Organization));
        Assert.Equal(("--02-03", "2009-08-08"), (card.Birthday.ToString(), card.Anniversary.ToString()));
        Assert.Equal([new ContactPhone("work", "+1-418-555-0102", true), new ContactPhone("mobile", "+1-418-555-0199")], card.Phones);
        Assert.Equal([new ContactEmail("work", "simone@exemplo.example"), new ContactEmail("home", "simone@home.example", true)], card.Emails);
        Assert.Equal([new ContactUrl("home", "http://simone.example")], card.Urls);
        Assert.Equal(["INTERNET", "IETF", "Industry"], card.Groups);
        Assert.Equal("Une note en français, avec une virgule.", card.Notes);
        Assert.Equal(["KIND:individual", "GENDER:F", "LANG;PREF=1:fr", "LANG;PREF=2:en", "GEO;TYPE=work:geo:46.772673,-71.282945",
            "TZ;VALUE=utc-offset:-0500", "KEY;TYPE=work;VALUE=uri:https://www.exemplo.example/key.asc",
            "X-AGENDA-TEL:tel:+1-418-555-0102;ext=102"], card.VCardExtras);
    }

    [Fact]
    public void CjkNamesAndEmojiNotesFoldedInsideCharactersComeBackWhole()
    {
        var cards = Import(TransferFixtures.CjkEmoji);
        var taro = cards[0];
        Assert.Equal(("太郎", "山田", "たろちゃん🐶"), (taro.FirstName, taro.SecondName, taro.Nickname));
        Assert.Equal("株式会社エグザンプル・ホールディングス国際事業本部アジア太平洋地域統括部", taro.Organization);
        Assert.Equal([new ContactPhone("おばあちゃんの家☎️", "090-1234-5678", true)], taro.Phones);
        Assert.Equal([new ContactAddress("home", "千代田区丸の内一丁目一番一号 丸の内ビルディング三十五階", "東京都", "", "100-0005", "日本")], taro.Addresses);
        Assert.Equal(string.Concat(Enumerable.Repeat("長いメモです🎉。東京の事務所で会いました🍣🍵。", 4))
            + "\n次の行も長い日本語のテキストで、折り返しが文字の途中に来るようにしています😀👍。", taro.Notes);
        Assert.Equal(["家族👨‍👩‍👧", "友達"], taro.Groups);

        var xiaoming = cards[1];
        Assert.Equal(("小明", "王"), (xiaoming.FirstName, xiaoming.SecondName));
        Assert.Equal(string.Concat(Enumerable.Repeat("她是我的大学同学👩‍🎓，喜欢喝茶🍵和爬山⛰️。", 4)), xiaoming.Notes);
        Assert.Equal(["X-PHONETIC-FIRST-NAME:xiǎo míng"], xiaoming.VCardExtras);
    }
}
