using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Core.Tests.VCards;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>Debian's python3-vobject reads every Agenda export with the same fields, and Agenda reads what vobject writes.</summary>
public class VobjectContactInteropTests
{
    // The TYPE values each label must reach vobject as; any other label travels as an X-ABLabel in the item's group.
    private static readonly Dictionary<string, string[]> PhoneTypes = new()
    {
        ["mobile"] = ["cell"], ["home"] = ["home"], ["work"] = ["work"], ["other"] = [],
        ["fax"] = ["fax"], ["pager"] = ["pager"], ["home fax"] = ["home", "fax"], ["work fax"] = ["work", "fax"],
    };
    private static readonly Dictionary<string, string[]> OtherTypes = new() { ["home"] = ["home"], ["work"] = ["work"], ["other"] = [] };

    [Theory]
    [MemberData(nameof(FixtureRoundTripTests.FixturesAndVersions), MemberType = typeof(FixtureRoundTripTests))]
    public async Task VobjectReadsTheSameFieldsFromEveryExport(string fixture, VCardVersion version)
    {
        var cards = TransferFixtures.Import(TransferFixtures.Bytes(fixture));
        var parsed = await Vobject.ParseAsync(await TransferFixtures.ExportAsync(cards, version));
        Assert.Equal(cards.Count, parsed.Count);
        foreach (var (card, theirs) in cards.Zip(parsed)) AssertSameFields(card, theirs, version);
    }

    private static void AssertSameFields(ContactCard card, List<Vobject.Property> theirs, VCardVersion version)
    {
        List<Vobject.Property> Named(string name) => [.. theirs.Where(p => p.Name == name)];
        Assert.Equal([[card.SecondName], [card.FirstName], [card.MiddleName], [card.Prefix], [card.Suffix]], Named("N").Single().Value.Deserialize<string[][]>());
        if (card.Uid.Length > 0) Assert.Equal(card.Uid, Named("UID").Single().Value.GetString());

        var tels = Named("TEL");
        Assert.Equal(card.Phones.Select(p => TelValue(card, p.Number)), tels.Select(t => t.Value.GetString()));
        foreach (var (phone, tel) in card.Phones.Zip(tels)) AssertLabelAndPrimary(phone.Label, phone.Primary, PhoneTypes, tel, theirs, version);

        var emails = Named("EMAIL");
        Assert.Equal(card.Emails.Select(e => e.Address), emails.Select(e => e.Value.GetString()));
        foreach (var (email, theirEmail) in card.Emails.Zip(emails)) AssertLabelAndPrimary(email.Label, email.Primary, OtherTypes, theirEmail, theirs, version);

        var adrs = Named("ADR");
        Assert.Equal(card.Addresses.Select(a => new[] { [""], [""], [a.Street], [a.City], [a.Region], [a.PostalCode], new[] { a.Country } }),
            adrs.Select(a => a.Value.Deserialize<string[][]>()!));
        foreach (var (address, adr) in card.Addresses.Zip(adrs)) AssertLabelAndPrimary(address.Label, false, OtherTypes, adr, theirs, version);

        Assert.Equal(card.Birthday, Named("BDAY").Select(DateOf).SingleOrDefault());
        Assert.Equal(card.Anniversary, Named(version == VCardVersion.V4 ? "ANNIVERSARY" : "X-ANNIVERSARY").Select(DateOf).SingleOrDefault());
        Assert.Equal(card.Groups, Named("CATEGORIES").SelectMany(c => c.Value.Deserialize<string[]>()!));
        Assert.Equal(card.Notes, Named("NOTE").Select(n => n.Value.GetString()).SingleOrDefault() ?? "");
    }

    // A phone whose tel: URI had an extension is written back as that URI.
    private static string TelValue(ContactCard card, string number) =>
        card.VCardExtras.Where(e => e.StartsWith("X-AGENDA-TEL:tel:" + number + ";", StringComparison.Ordinal))
            .Select(e => e["X-AGENDA-TEL:".Length..]).FirstOrDefault() ?? number;

    private static void AssertLabelAndPrimary(string label, bool primary, Dictionary<string, string[]> types,
        Vobject.Property property, List<Vobject.Property> card, VCardVersion version)
    {
        var theirTypes = property.Params.GetValueOrDefault("TYPE", []);
        Assert.Equal(primary && version == VCardVersion.V3, theirTypes.Contains("pref"));
        Assert.Equal(primary && version == VCardVersion.V4, property.Params.GetValueOrDefault("PREF", []).SequenceEqual(["1"]));
        if (types.TryGetValue(label, out var expected))
        {
            Assert.Equal(expected, theirTypes.Where(t => t != "pref"));
            return;
        }
        Assert.NotNull(property.Group);
        var apple = card.Single(p => p.Group == property.Group && p.Name == "X-ABLABEL");
        Assert.Equal(label, apple.Value.GetString());
    }

    // 4.0 writes 19900517 or --0517; 3.0 writes 1990-05-17, or Apple's 1604-05-17 with X-APPLE-OMIT-YEAR=1604.
    private static PartialDate? DateOf(Vobject.Property date)
    {
        Assert.True(PartialDate.TryParse(date.Value.GetString(), out var parsed), date.Value.GetString());
        return date.Params.ContainsKey("X-APPLE-OMIT-YEAR") && parsed.Year == 1604 ? new PartialDate(null, parsed.Month, parsed.Day) : parsed;
    }

    [Fact]
    public async Task AgendaReadsTheSameFieldsFromACardVobjectWrites()
    {
        string vcf = await Vobject.SerializeAsync("""
            import vobject
            c = vobject.vCard()
            c.add('uid').value = 'vobject-card-1'
            c.add('n').value = vobject.vcard.Name(family='Ferreira', given='Ana', additional='Paula', prefix='Dra.', suffix='PhD')
            c.add('fn').value = 'Dra. Ana Paula Ferreira PhD'
            c.add('nickname').value = 'Aninha'
            c.add('org').value = ['Hospital Central', 'Cardiologia']
            c.add('title').value = 'Médica'
            t = c.add('tel'); t.value = '+55 69 99999-0001'; t.type_param = ['CELL', 'VOICE']
            t = c.add('tel'); t.value = '+55 69 3222-0002'; t.type_param = ['WORK', 'FAX']
            t = c.add('tel'); t.value = '+55 69 3222-0003'; t.group = 'item1'
            c.add('x-ablabel').value = 'Plantão'; c.contents['x-ablabel'][0].group = 'item1'
            e = c.add('email'); e.value = 'ana@hospital.example'; e.type_param = ['INTERNET', 'WORK']
            e = c.add('email'); e.value = 'ana@casa.example'; e.type_param = ['INTERNET', 'HOME', 'PREF']
            a = c.add('adr'); a.type_param = 'HOME'
            a.value = vobject.vcard.Address(street='Rua Um, 100', city='Porto Velho', region='RO', code='76800-000', country='Brasil')
            c.add('url').value = 'https://ana.example/'
            c.add('bday').value = '1980-01-31'
            c.add('note').value = 'Plantão às quintas; traz café, sempre.\nSegunda linha 🩺'
            c.add('categories').value = ['Saúde', 'Amigos']
            print(c.serialize(), end='')
            """);
        var card = TransferFixtures.ImportOne(vcf);
        Assert.Equal(("Ana", "Ferreira", "Paula", "Dra.", "PhD", "Aninha"), (card.FirstName, card.SecondName, card.MiddleName, card.Prefix, card.Suffix, card.Nickname));
        Assert.Equal(("Hospital Central", "Médica", "vobject-card-1"), (card.Organization, card.JobTitle, card.Uid));
        Assert.Equal([new ContactPhone("mobile", "+55 69 99999-0001", true), new ContactPhone("work fax", "+55 69 3222-0002"),
            new ContactPhone("Plantão", "+55 69 3222-0003")], card.Phones);
        Assert.Equal([new ContactEmail("work", "ana@hospital.example"), new ContactEmail("home", "ana@casa.example", true)], card.Emails);
        Assert.Equal([new ContactAddress("home", "Rua Um, 100", "Porto Velho", "RO", "76800-000", "Brasil")], card.Addresses);
        Assert.Equal([new ContactUrl("other", "https://ana.example/")], card.Urls);
        Assert.Equal(new PartialDate(1980, 1, 31), card.Birthday);
        Assert.Equal("Plantão às quintas; traz café, sempre.\nSegunda linha 🩺", card.Notes);
        Assert.Equal(["Saúde", "Amigos"], card.Groups);
        Assert.Equal(["X-AGENDA-ORG:Hospital Central;Cardiologia"], card.VCardExtras);
    }
}
