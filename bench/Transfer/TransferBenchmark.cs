using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Agenda.Bench.Scale;
using Agenda.Bench.Support;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer;

namespace Agenda.Bench.Transfer;

/// <summary>
/// Import and export over REST against a real Agenda process: 10,000 rich vCards imported into an empty book (a dry run
/// first, then for real), and the whole of a 100,000-contact book exported as vCard 4.0 and as CSV. Each measure runs in
/// a fresh process so its peak memory is its own.
/// </summary>
public static class TransferBenchmark
{
    private const int ImportedCards = 10_000;
    private const int ExportedContacts = 100_000;
    private static readonly List<string> Folders = [];

    public static async Task RunAsync()
    {
        var table = new Table("Measure", "seconds", "MB", "peak MiB");
        var file = await RichVCardsAsync(ImportedCards);
        Console.WriteLine($"\n{ImportedCards:N0} rich vCards: {file.Length / 1e6:0.0} MB");

        foreach (var dryRun in new[] { true, false })
        {
            await using var agenda = await FreshAgendaAsync(seed: 0);
            using var http = new HttpClient { BaseAddress = agenda.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            var body = new ByteArrayContent(file);
            body.Headers.ContentType = new MediaTypeHeaderValue("text/vcard");
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync($"api/contacts/import?dryRun={dryRun.ToString().ToLowerInvariant()}", body);
            var report = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !report.Contains($"\"imported\":{ImportedCards}"))
                throw new InvalidOperationException($"import answered {(int)response.StatusCode}: {report[..Math.Min(300, report.Length)]}");
            table.Add($"POST /api/contacts/import, {ImportedCards:N0} vCards{(dryRun ? " (dryRun)" : "")}",
                clock.Elapsed.TotalSeconds, file.Length / 1e6, PeakMiB(agenda));
        }

        foreach (var format in new[] { "vcard", "csv" })
        {
            await using var agenda = await FreshAgendaAsync(seed: ExportedContacts);
            using var http = new HttpClient { BaseAddress = agenda.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync($"api/contacts/export?format={format}", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var bytes = await CountBytesAsync(await response.Content.ReadAsStreamAsync());
            table.Add($"GET /api/contacts/export?format={format}, {ExportedContacts:N0} contacts", clock.Elapsed.TotalSeconds, bytes / 1e6, PeakMiB(agenda));
        }
        table.Print("Import and export over REST (each in a fresh process)");
        foreach (var folder in Folders) try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static async Task<AgendaProcess> FreshAgendaAsync(int seed)
    {
        var data = Path.Combine(Path.GetTempPath(), "agenda-bench", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(data);
        if (seed > 0) await ScaleSeed.WriteAsync(Path.Combine(data, "agenda.db"), seed);
        Folders.Add(data);
        return await AgendaProcess.StartAsync(data, new Dictionary<string, string> { ["Api__MaxImportBytes"] = $"{256 << 20}" });
    }

    private static double PeakMiB(AgendaProcess agenda) => Process.GetProcessById(agenda.ProcessId).PeakWorkingSet64 / 1024.0 / 1024.0;

    private static async Task<long> CountBytesAsync(Stream body)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int read; (read = await body.ReadAsync(buffer)) > 0;) total += read;
        return total;
    }

    /// <summary>Cards as a phone exports them: two phones, two emails, an address, a birthday, groups and a note each.</summary>
    private static async Task<byte[]> RichVCardsAsync(int count)
    {
        var random = new Random(20261130);
        var now = DateTime.UtcNow;
        var contacts = Enumerable.Range(0, count).Select(i =>
        {
            var simple = ScaleSeed.Contact(random, i);
            var card = simple with
            {
                Uid = $"bench-{i}",
                Phones = [.. simple.Phones, new ContactPhone(ContactLabels.Work, $"11 3{i:D7}")],
                Emails = [.. simple.Emails, new ContactEmail(ContactLabels.Work, $"work{i}@example.org")],
                Addresses = [new ContactAddress(ContactLabels.Home, $"Rua {i}", "Porto Velho", "RO", "76800-000", "Brasil")],
                Birthday = new PartialDate(i % 3 == 0 ? null : 1950 + i % 50, 1 + i % 12, 1 + i % 28),
                Groups = [i % 2 == 0 ? "Família" : "Trabalho"],
                Notes = $"Contato importado número {i} — com acentos e emoji 📇",
            };
            return new Contact(i, card, 1, now, now);
        });
        var text = new StringWriter();
        await ContactFileFormats.VCard.Writer.WriteAsync(contacts.ToAsyncEnumerable(), text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
