using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

public class VCardRoundTripTests
{
    public static TheoryData<string, VCardVersion> Fixtures()
    {
        var data = new TheoryData<string, VCardVersion>();
        string[] names = ["Outlook21", "Ios30", "Android21", "Google30", "Rfc6350"];
        foreach (var name in names)
            foreach (var version in new[] { VCardVersion.V4, VCardVersion.V3 }) data.Add(name, version);
        return data;
    }

    private static string Fixture(string name) =>
        (string)typeof(VCardFixtures).GetField(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadingWhatWasWrittenGivesTheSameProperties(string fixture, VCardVersion version)
    {
        var first = VCardFixtures.ReadOne(Fixture(fixture));
        var again = VCardFixtures.ReadOne(VCardWriter.Write([first], version));
        Assert.Equal(first.Properties, again.Properties);
        Assert.Equal(version == VCardVersion.V4 ? "4.0" : "3.0", again.Version);
    }

    [Fact]
    public void BuiltPropertiesSurviveARoundTrip()
    {
        VCardProperty[] built =
        [
            VCardProperty.FromText("FN", "Zoë \"Z\", the; tester\\"),
            VCardProperty.FromStructured("N", [["Silva"], ["Zoë"], ["Maria", "Ana"], [], []]),
            VCardProperty.FromText("NOTE", string.Concat(Enumerable.Repeat("長いメモ🎉\n", 40)), new VCardParameter("LANGUAGE", "ja")),
            VCardProperty.FromText("TEL", "tel:+55-69-1234", new VCardParameter("TYPE", "cell", "voice"), new VCardParameter("X-LABEL", "a:b;c")) with { Group = "item1" },
        ];
        var again = VCardFixtures.ReadOne(VCardWriter.Write([new VCard("4.0", built)]));
        Assert.Equal(built, again.Properties);
    }
}
