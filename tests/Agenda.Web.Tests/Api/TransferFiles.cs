using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Agenda.Web.Tests.Api;

/// <summary>vCard files to import, the import call itself, and Debian's python3-vobject reading what an export gave.</summary>
public static class TransferFiles
{
    public static string Card(string version, params string[] lines) =>
        $"BEGIN:VCARD\r\nVERSION:{version}\r\n{string.Concat(lines.Select(l => l + "\r\n"))}END:VCARD\r\n";

    public static ByteArrayContent File(string text, string? mediaType = "text/vcard") => File(Encoding.UTF8.GetBytes(text), mediaType);

    public static ByteArrayContent File(byte[] bytes, string? mediaType)
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>POST /api/contacts/import, expecting 200; the report as JSON.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, HttpContent file, bool dryRun = false)
    {
        var response = await client.PostAsync($"/api/contacts/import{(dryRun ? "?dryRun=true" : "")}", file);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    public static (int Imported, int Updated, int Unchanged, int Skipped) Counts(JsonElement report) =>
        (report.GetProperty("imported").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("skipped").GetArrayLength());

    /// <summary>One card as python3-vobject reads it.</summary>
    public sealed record VobjectCard(string Version, string Fn, string Given, string Family, string[] Tel, string[] Email, string[] Categories, string Uid);

    private const string ReadScript = """
        import json, sys, vobject
        def values(card, name):
            return [p.value for p in card.contents.get(name, [])]
        cards = [{"version": c.version.value, "fn": c.fn.value, "given": c.n.value.given, "family": c.n.value.family,
                  "tel": values(c, "tel"), "email": values(c, "email"), "categories": sum(values(c, "categories"), []),
                  "uid": c.uid.value} for c in vobject.readComponents(sys.stdin.read())]
        print(json.dumps(cards, ensure_ascii=False))
        """;

    public static async Task<List<VobjectCard>> ReadWithVobjectAsync(string vcf)
    {
        var result = await DebianPython.RunAsync(["-c", ReadScript], input: vcf);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonSerializer.Deserialize<List<VobjectCard>>(result.Output, AgendaApiApplication.Json)!;
    }
}
