using Agenda.Core.Contacts;
using static Agenda.Core.Tests.Transfer.Csv.GoogleCsvFixtures;

namespace Agenda.Core.Tests.Transfer.Csv;

public class GoogleCsvReaderTests
{
    [Fact]
    public void TheCurrentLayoutGivesEveryFieldItCarries()
    {
        var ana = Read(Current)[0].Card;
        Assert.Equal(new ContactCard
        {
            FirstName = "Ana", MiddleName = "Maria", SecondName = "Silva", Prefix = "Dra.", Nickname = "Aninha",
            Organization = "Rocha & Filhos", JobTitle = "Engenheira",
            Birthday = new PartialDate(1990, 5, 17), Anniversary = new PartialDate(2015, 9, 12),
            Notes = "Conheci no evento, em 2019.\nDisse: \"me liga\"",
            Emails = [new(ContactLabels.Home, "ana@example.com", true), new(ContactLabels.Work, "ana@rocha.example")],
            Phones =
            [
                new(ContactLabels.Mobile, "+55 69 98405-9615", true), new(ContactLabels.Mobile, "+55 69 3221-0000"),
                new("Home Fax", "+55 69 3221-0001"),
            ],
            Addresses = [new(ContactLabels.Home, "Rua das Flores, 12\nApto 3", "Porto Velho", "RO", "76801-000", "BR")],
            Urls = [new("Profile", "https://ana.example.com")],
            Groups = ["Amigos"], Favorite = true,
        }, ana);
    }

    [Fact]
    public void CjkNamesEmojiNotesAndAYearlessBirthdaySurvive()
    {
        var taro = Read(Current)[1].Card!;
        Assert.Equal(("太郎", "山田"), (taro.FirstName, taro.SecondName));
        Assert.Equal("誕生日パーティー🎉\n家族: 👨‍👩‍👧 と一緒", taro.Notes);
        Assert.Equal(new PartialDate(null, 2, 29), taro.Birthday);
        Assert.Equal([new ContactEmail(ContactLabels.Other, "taro@example.jp", true)], taro.Emails);
        Assert.Equal([new ContactPhone(ContactLabels.Mobile, "090-1234-5678")], taro.Phones);
        Assert.False(taro.Favorite);
        Assert.Empty(taro.Groups);
    }

    [Fact]
    public void ACompanyWithoutAPersonsNameIsNamedAfterTheCompany()
    {
        var acme = Read(Current)[2].Card!;
        Assert.Equal(("Acme Ltda", "Acme Ltda"), (acme.FirstName, acme.Organization));
        Assert.Equal(["Fornecedores"], acme.Groups);
    }

    [Fact]
    public void TheOlderLayoutIsRecognisedByItsHeader()
    {
        var cards = Read(Older);
        var joao = cards[0].Card!;
        Assert.Equal(("João", "Conceição", "Sr.", "Jr.", "Jota"), (joao.FirstName, joao.SecondName, joao.Prefix, joao.Suffix, joao.Nickname));
        Assert.Equal(("Empresa SA", "Diretor"), (joao.Organization, joao.JobTitle));
        Assert.Equal((new PartialDate(1975, 12, 1), new PartialDate(null, 6, 24)), (joao.Birthday, joao.Anniversary));
        Assert.Equal(["Clientes"], joao.Groups);
        Assert.True(joao.Favorite);
        Assert.Equal([new ContactEmail(ContactLabels.Work, "joao@empresa.example", true)], joao.Emails);
        Assert.Equal([new ContactPhone(ContactLabels.Mobile, "+351 912 345 678", true), new ContactPhone(ContactLabels.Work, "+351 213 000 000")], joao.Phones);
        Assert.Equal([new ContactAddress(ContactLabels.Work, "Avenida da Liberdade, 100\nApartado 55", "Lisboa", "", "1250-096", "Portugal")], joao.Addresses);
        Assert.Equal([new ContactUrl("Blog", "blog.example.pt")], joao.Urls);
        Assert.Equal("Dona Maria", cards[1].Card!.FirstName);
    }

    [Fact]
    public void ColumnsAreFoundByNameInAnyOrderAndUnknownOnesAreIgnored()
    {
        var card = Read("""
            notes ,Favourite Colour,E-MAIL 1 - VALUE,Last Name,Agenda UID,First Name,Phone 1 - Value,Phone 1 - Label
            Likes tea,green,bia@example.com,Costa,uid-42,Bia,+55 11 5555-0100,Work
            """).Single().Card!;
        Assert.Equal(new ContactCard
        {
            FirstName = "Bia", SecondName = "Costa", Notes = "Likes tea", Uid = "uid-42",
            Emails = [new(ContactLabels.Other, "bia@example.com")], Phones = [new(ContactLabels.Work, "+55 11 5555-0100")],
        }, card);
    }

    [Fact]
    public void TheUidIsReadFromAnAgendaUidCustomField()
    {
        var card = Read("""
            First Name,Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,Custom Field 2 - Value
            Caio,Shoe size,42,Agenda UID,urn:uuid:5f0c
            """).Single().Card!;
        Assert.Equal("urn:uuid:5f0c", card.Uid);
    }

    [Fact]
    public void UnicodeWithOrWithoutAByteOrderMarkAndCrlfOrLfReadTheSame()
    {
        var plain = Read(Current);
        Assert.Equal(3, plain.Count);
        foreach (var variant in new[] { Read(Current, bom: true), Read(Crlf(Current)), Read(Crlf(Current), bom: true) })
            Assert.Equal(plain.Select(r => r.Card), variant.Select(r => r.Card));
    }

    [Fact]
    public void EachRowIsIndexedAndLinedFromWhereItStartsCountingLinesInsideQuotes()
    {
        // Header on line 1; Ana's notes and formatted address span lines 2 to 6; Taro's notes lines 7 and 8; Acme line 9.
        Assert.Equal([(0, 2), (1, 7), (2, 9)], Read(Current).Select(r => (r.Index, r.Line)));
        Assert.Equal([(0, 2), (1, 7), (2, 9)], Read(Crlf(Current), bom: true).Select(r => (r.Index, r.Line)));
    }

    [Fact]
    public void RowsOfEmptyCellsAndBlankLinesAreNotCards()
    {
        var cards = Read("First Name,Last Name\nAna,Silva\n,\n\n , \nBia,Costa\n");
        Assert.Equal([("Ana", 0, 2), ("Bia", 1, 6)], cards.Select(r => (r.Card!.FirstName, r.Index, r.Line)));
    }

    [Fact]
    public void AHeaderWithoutRowsHasNoCards() => Assert.Empty(Read("First Name,Last Name,E-mail 1 - Value\r\n"));
}
