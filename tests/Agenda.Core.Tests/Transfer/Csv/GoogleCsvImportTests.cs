using System.Text;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer;
using Agenda.Core.Transfer.Csv;
using static Agenda.Core.Tests.Transfer.Csv.GoogleCsvFixtures;

namespace Agenda.Core.Tests.Transfer.Csv;

/// <summary>The CSV format through <see cref="ContactImporter"/> into a real SQLite store, and back out.</summary>
public class GoogleCsvImportTests
{
    private static async Task<byte[]> ExportAsync(ContactImporter importer)
    {
        var output = new StringWriter();
        await importer.ExportAsync(GoogleCsvFormat.Format, null, output);
        return Encoding.UTF8.GetBytes(output.ToString());
    }

    [Fact]
    public async Task ImportingAnExportAgainUpdatesTheSameContactsInsteadOfDuplicatingThem()
    {
        await using var db = await SqliteStore.OpenAsync();
        var importer = new ContactImporter(db.Store);
        foreach (var fixture in new[] { Current, Older })
        {
            var first = await importer.ImportAsync(GoogleCsvFormat.Format, Utf8(fixture), false, Door.Rest);
            Assert.Equal((0, 0), (first.Updated, first.Skipped.Count));
        }

        var again = await importer.ImportAsync(GoogleCsvFormat.Format, await ExportAsync(importer), false, Door.Rest);

        Assert.Equal((0, 0, 5), (again.Imported, again.Updated, again.Unchanged));
        Assert.Equal(5, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task AnEditedExportUpdatesTheContactWithItsUid()
    {
        await using var db = await SqliteStore.OpenAsync();
        var importer = new ContactImporter(db.Store);
        var ana = await db.Store.CreateAsync(ContactCard.Simple("Ana", "Silva", "69 98405-9615", "ana@example.com"), Door.Rest);
        var edited = Encoding.UTF8.GetString(await ExportAsync(importer)).Replace("Ana,,Silva,", "Ana,,Souza,");

        var report = await importer.ImportAsync(GoogleCsvFormat.Format, Encoding.UTF8.GetBytes(edited), false, Door.Rest);

        Assert.Equal((0, 1), (report.Imported, report.Updated));
        Assert.Equal([ana.Id], report.ContactIds);
        Assert.Equal("Souza", (await db.Store.GetAsync(ana.Id)).SecondName);
    }

    [Fact]
    public async Task UnreadableAndInvalidRowsAreSkippedWithTheirLinesAndTheOthersStored()
    {
        await using var db = await SqliteStore.OpenAsync();
        var report = await new ContactImporter(db.Store).ImportAsync(GoogleCsvFormat.Format, Utf8("""
            First Name,Last Name,Birthday,Notes,Phone 1 - Label,Phone 1 - Value
            Ana,Silva,1990-05-17,"two
            lines",Mobile,69 98405-9615
            Bia,Costa,31/12/1990,,Mobile,69 3221-0000
            Caio,Lima,,,Mobile,call me
            Davi,Rocha,,,,
            """), false, Door.Rest);

        Assert.Equal(2, report.Imported);
        Assert.Equal([(1, 4), (2, 5)], report.Skipped.Select(s => (s.Index, s.Line)));
        Assert.StartsWith("Birthday: \"31/12/1990\" is not a date", report.Skipped[0].Reason);
        Assert.StartsWith("phones[0].number: Phone number may contain only digits", report.Skipped[1].Reason);
        Assert.Equal(["Ana", "Davi"], await db.Store.ReadAllAsync().Select(c => c.FirstName).ToListAsync());
    }
}
