using System.Net;
using System.Text;
using System.Text.Json;

namespace Agenda.Web.Tests.Hosting;

/// <summary>
/// Import and export through the real process on Kestrel, whose own request body cap (30,000,000 bytes by default) must
/// give way to Api:MaxImportBytes (32 MiB by default), and whose response carries the export in chunks as it is written.
/// </summary>
public class TransferOverKestrelTests
{
    private static byte[] Cards(int count, string prefix = "Person") => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, count)
        .Select(i => $"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{prefix} {i}\r\nTEL:+1 555 {i:D4}\r\nEND:VCARD\r\n")));

    private static async Task<int> TotalAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("api/contacts")).RootElement.GetProperty("total").GetInt32();

    /// <summary>A body HttpClient cannot measure, so it goes chunked without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    // One card whose note is longer than a contact may have, so the file is cheap to read and its card is skipped.
    private static byte[] OneCardOf(int bytes, string name)
    {
        var card = Encoding.ASCII.GetBytes($"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{name}\r\nNOTE:");
        var end = "\r\nEND:VCARD\r\n"u8;
        var file = new byte[bytes];
        card.CopyTo(file, 0);
        file.AsSpan(card.Length, bytes - card.Length - end.Length).Fill((byte)'a');
        end.CopyTo(file.AsSpan(bytes - end.Length));
        return file;
    }

    [Fact]
    public async Task AFileOverKestrelsDefaultBodyLimitButUnderTheImportLimitIsReadAndAChunkedOneOverThatIsRefused()
    {
        const int kestrelDefault = 30_000_000, importLimit = 31_500_000;
        await using var agenda = await AgendaProcess.StartAsync(settings: new Dictionary<string, string> { ["Api__MaxImportBytes"] = $"{importLimit}" });
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        await http.PostAsync("api/contacts/import", new ByteArrayContent(Cards(3)) { Headers = { ContentType = new("text/vcard") } });

        var read = await http.PostAsync("api/contacts/import",
            new ByteArrayContent(OneCardOf(kestrelDefault + 1_000_000, "Long Note")) { Headers = { ContentType = new("text/vcard") } });
        var report = await read.Content.ReadAsStringAsync();
        Assert.True(read.StatusCode == HttpStatusCode.OK, report);
        Assert.Contains("\"reason\":\"notes: Notes must be at most", report);

        var chunked = new StreamContent(new UnseekableStream(OneCardOf(importLimit + 100_000, "Too Long"))) { Headers = { ContentType = new("text/vcard") } };
        var refused = await http.PostAsync("api/contacts/import", chunked);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.RequestEntityTooLarge, problem);
        Assert.Contains("larger than 31,500,000 bytes, the most an import takes (Api:MaxImportBytes)", problem);

        using var fresh = new HttpClient { BaseAddress = agenda.BaseAddress };
        Assert.Equal(3, await TotalAsync(fresh));
    }

    [Fact]
    public async Task TheExportGoesOutInChunksWithoutAContentLength()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        var imported = await http.PostAsync("api/contacts/import", new ByteArrayContent(Cards(3000)) { Headers = { ContentType = new("text/vcard") } });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        using var response = await http.GetAsync("api/contacts/export?format=vcard3", HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Null(response.Content.Headers.ContentLength);
        var vcf = await response.Content.ReadAsStringAsync();
        Assert.Equal(3000, vcf.Split("BEGIN:VCARD\r\nVERSION:3.0\r\n").Length - 1);
        Assert.EndsWith("END:VCARD\r\n", vcf);
    }
}
