using System.Text.Json;

namespace Agenda.Core.Tests.VCards;

/// <summary>Debian's python3-vobject, the peer Agenda's vCards must satisfy: it parses our output and writes our input.</summary>
internal static class Vobject
{
    // Each card as a list of {group, name, params, value}; N and ADR become lists of component lists, as Components does.
    private const string DumpScript = """
        import json, sys, vobject
        def norm(v):
            if isinstance(v, vobject.vcard.Name):
                v = [v.family, v.given, v.additional, v.prefix, v.suffix]
            elif isinstance(v, vobject.vcard.Address):
                v = [v.box, v.extended, v.street, v.city, v.region, v.code, v.country]
            else:
                return None if isinstance(v, bytes) else v
            return [c if isinstance(c, list) else [c] for c in v]
        cards = [[{"group": c.group, "name": c.name, "params": c.params, "value": norm(c.value)} for c in card.getChildren()]
                 for card in vobject.readComponents(sys.stdin.read())]
        print(json.dumps(cards, ensure_ascii=False))
        """;

    public sealed record Property(string? Group, string Name, Dictionary<string, string[]> Params, JsonElement Value);

    /// <summary>What vobject reads from <paramref name="vcf"/>, card by card.</summary>
    public static async Task<List<List<Property>>> ParseAsync(string vcf)
    {
        string output = await RunAsync(DumpScript, vcf);
        return JsonSerializer.Deserialize<List<List<Property>>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Runs a script that prints vCard text with vobject's serialize(), and returns that text.</summary>
    public static Task<string> SerializeAsync(string script) => RunAsync(script, "");

    private static async Task<string> RunAsync(string script, string input)
    {
        var result = await DebianPython.RunAsync(["-c", script], input: input);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }
}
