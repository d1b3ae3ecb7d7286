using System.Text.Json;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

/// <summary>Interop with Debian's python3-vobject in both directions.</summary>
public class VobjectInteropTests
{
    private static readonly VCardProperty[] Built =
    [
        VCardProperty.FromText("FN", "Zoë \"Z\", the; tester\\"),
        VCardProperty.FromStructured("N", [["Silva"], ["Zoë"], ["Maria", "Ana"], ["Dr."], [""]]),
        VCardProperty.FromStructured("ADR", [[""], [""], ["Rua 1, apt 2"], ["Porto Velho"], ["RO"], ["76800"], ["Brasil"]], new VCardParameter("TYPE", "home")),
        VCardProperty.FromText("NOTE", string.Concat(Enumerable.Repeat("長いメモ🎉 línea\n", 12))),
        VCardProperty.FromText("TEL", "+55 69 1234", new VCardParameter("TYPE", "cell", "voice"), new VCardParameter("X-LABEL", "a:b;c")) with { Group = "item1" },
        VCardProperty.FromText("X-ABLabel", "Trabalho, sede") with { Group = "item1" },
        new(null, "CATEGORIES", [], VCardValue.FormatList(["Amigos, antigos", "Família"])),
    ];

    public static TheoryData<string> Sources() => ["built", .. new[] { "Outlook21", "Ios30", "Android21", "Google30", "Rfc6350" }];

    private static VCard Card(string source) => source == "built"
        ? new VCard("4.0", Built)
        : VCardFixtures.ReadOne((string)typeof(VCardFixtures).GetField(source)!.GetValue(null)!);

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task VobjectReadsTheSameNamesAndValuesFromWhatWeWrite(string source)
    {
        var card = Card(source);
        foreach (var version in new[] { VCardVersion.V4, VCardVersion.V3 })
        {
            var parsed = Assert.Single(await Vobject.ParseAsync(VCardWriter.Write([card], version)));
            var theirs = parsed.Where(p => p.Name != "VERSION").ToList();
            // vobject gathers properties by name, so order is compared within each group and name only.
            var theirsByKey = theirs.ToLookup(p => (p.Group?.ToLowerInvariant(), p.Name));
            var oursByKey = card.Properties.ToLookup(p => (p.Group?.ToLowerInvariant(), p.Name.ToUpperInvariant()));
            Assert.Equal(oursByKey.Select(g => g.Key).Order(), theirsByKey.Select(g => g.Key).Order());
            foreach (var same in oursByKey)
                foreach (var (ours, their) in same.Zip(theirsByKey[same.Key], (o, t) => (o, t))) AssertSameValue(ours, their);
        }
    }

    // vobject decodes N and ADR into structures, CATEGORIES into a list, and unescapes every other text value.
    private static void AssertSameValue(VCardProperty ours, Vobject.Property theirs)
    {
        // vobject reads GEO with 3.0's list rules, so a 4.0 "geo:lat,lon" URI comes back cut at the comma.
        if (ours.Name == "GEO") return;
        switch (theirs.Value.ValueKind)
        {
            case JsonValueKind.String: Assert.Equal(ours.Text, theirs.Value.GetString()); break;
            case JsonValueKind.Null: break; // base64: bytes on their side
            case JsonValueKind.Array when ours.Name == "CATEGORIES":
                Assert.Equal(ours.ListValues, theirs.Value.Deserialize<string[]>()); break;
            case JsonValueKind.Array when ours.Name == "ORG": // a flat list of units, commas kept, a trailing empty unit dropped
                Assert.Equal(ours.Components.Select(c => string.Join(',', c)).Reverse().SkipWhile(u => u == "").Reverse(),
                    theirs.Value.Deserialize<string[]>()); break;
            default:
                var components = theirs.Value.Deserialize<string[][]>()!;
                Assert.Equal(ours.Components.Select(c => c.ToArray()), components.Take(ours.Components.Count)); break;
        }
        // Lines written back raw keep their exporter's parameter spelling (2.1 bare ";HOME", quoted "work,voice"),
        // which vobject files differently; parameters we format ourselves must match exactly.
        if (ours.Source is not null) return;
        foreach (var parameter in ours.Parameters)
            Assert.Equal(ours.ParameterValues(parameter.Name), theirs.Params[parameter.Name]);
    }

    [Fact]
    public async Task WeReadWhatVobjectWrites()
    {
        string vcf = await Vobject.SerializeAsync("""
            import vobject
            c = vobject.vCard()
            c.add('fn').value = 'Zoë "Z", the; tester\\'
            c.add('n').value = vobject.vcard.Name(family='Silva', given='Zoë', additional=['Maria', 'Ana'])
            a = c.add('adr'); a.value = vobject.vcard.Address(street='Rua 1, apt 2', city='Porto Velho', country='Brasil'); a.type_param = 'HOME'
            t = c.add('tel'); t.value = '+55 69 1234'; t.type_param = ['CELL', 'VOICE']; t.group = 'item1'
            c.add('x-ablabel').value = 'Trabalho'; c.contents['x-ablabel'][0].group = 'item1'
            c.add('note').value = ('長いメモ🎉 línea\n' * 12)
            c.add('categories').value = ['Amigos, antigos', 'Família']
            print(c.serialize(), end='')
            """);
        Assert.Contains("\r\n ", vcf); // vobject folded the long note
        var card = VCardFixtures.ReadOne(vcf);
        Assert.Equal("3.0", card.Version);
        Assert.Equal("Zoë \"Z\", the; tester\\", card.First("FN")!.Text);
        Assert.Equal([["Silva"], ["Zoë"], ["Maria", "Ana"], [""], [""]], card.First("N")!.Components);
        Assert.Equal("Rua 1, apt 2", card.First("ADR")!.Components[2].Single());
        Assert.Equal(["home"], card.First("ADR")!.Types);
        Assert.Equal(["cell", "voice"], card.First("TEL")!.Types);
        Assert.Equal(["TEL", "X-ABLABEL"], card.InGroup("item1").Select(p => p.Name));
        Assert.Equal(string.Concat(Enumerable.Repeat("長いメモ🎉 línea\n", 12)), card.First("NOTE")!.Text);
        Assert.Equal(["Amigos, antigos", "Família"], card.First("CATEGORIES")!.ListValues);
    }
}
