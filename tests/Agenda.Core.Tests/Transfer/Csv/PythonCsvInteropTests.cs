using System.Text;
using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer.Csv;

namespace Agenda.Core.Tests.Transfer.Csv;

/// <summary>
/// Python's <c>csv</c> module (Debian's python3) as an independent peer: it reads what Agenda exports, quoting, line
/// breaks and byte order mark included, and Agenda reads what it writes.
/// </summary>
public class PythonCsvInteropTests
{
    private static async Task<string> PythonAsync(string script, string input = "")
    {
        var result = await DebianPython.RunAsync(["-c", script], input: input);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    [Fact]
    public async Task PythonReadsTheExportCellForCell()
    {
        var card = ContactCard.Simple("Zoë", "O'Brien, \"Z\"", "+44 7700 900123", "zoe@example.com") with
        {
            Notes = "長いメモ🎉\nsecond line, with a comma", Groups = ["Book club"], Uid = "u-7",
        };
        var export = await GoogleCsvWriterTests.ExportAsync(card);

        var json = await PythonAsync("""
            import csv, io, json, sys
            rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))
            print(json.dumps([{k: r[k] for k in ("First Name", "Last Name", "Notes", "Labels", "Phone 1 - Label", "Phone 1 - Value", "Custom Field 1 - Value")} for r in rows], ensure_ascii=False))
            """, export);

        var row = Assert.Single(JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json)!);
        Assert.Equal("Zoë", row["First Name"]);
        Assert.Equal("O'Brien, \"Z\"", row["Last Name"]);
        Assert.Equal("長いメモ🎉\nsecond line, with a comma", row["Notes"]);
        Assert.Equal("* myContacts ::: Book club", row["Labels"]);
        Assert.Equal(("* Mobile", "+44 7700 900123"), (row["Phone 1 - Label"], row["Phone 1 - Value"]));
        Assert.Equal("u-7", row["Custom Field 1 - Value"]);
    }

    [Fact]
    public async Task AgendaReadsWhatPythonWrites()
    {
        var csv = await PythonAsync("""
            import csv, sys
            w = csv.writer(sys.stdout, lineterminator="\r\n")
            w.writerow(["First Name", "Last Name", "Notes", "Labels", "E-mail 1 - Label", "E-mail 1 - Value"])
            w.writerow(["Ana", "Silva", 'She said "hi",\nthen left', "* myContacts ::: Família", "* Work", "ana@example.com"])
            w.writerow(["Bia", "", "", "* starred", "", ""])
            """);

        var cards = new GoogleCsvReader().Read(Encoding.UTF8.GetBytes(csv));

        Assert.Equal([2, 4], cards.Select(c => c.Line));
        var ana = cards[0].Card!;
        Assert.Equal("She said \"hi\",\nthen left", ana.Notes);
        Assert.Equal(["Família"], ana.Groups);
        Assert.Equal([new ContactEmail(ContactLabels.Work, "ana@example.com", true)], ana.Emails);
        Assert.True(cards[1].Card!.Favorite);
    }
}
