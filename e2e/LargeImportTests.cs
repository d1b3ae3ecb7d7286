using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Agenda.E2E;

/// <summary>
/// 10,000 cards imported from the page, on an Agenda process of its own (the shared one's list would be pushed past
/// its first page for every other test). The page that imports hears 10,000 change events in one burst; it must
/// reload a few times, not 10,000 times.
/// </summary>
[Collection(AgendaUiCollection.Name)]
public sealed class LargeImportTests(AgendaUiFixture fixture, ITestOutputHelper output)
{
    private const int Cards = 10_000;

    [Fact]
    public async Task TenThousandCardsImportedFromThePageAreListedAndCountedInTheirGroup()
    {
        var scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(); // durability is not the point here
        var dataDirectory = Path.Combine(scratch, "agenda-e2e", Guid.NewGuid().ToString("n"));
        try
        {
            await using var agenda = await AgendaProcess.StartAsync(dataDirectory);
            await using var person = await fixture.Browser.NewContextAsync(new() { BaseURL = agenda.BaseAddress.ToString() });
            var contacts = await ContactsPage.OpenAsync(person);
            var import = new ImportPanel(contacts.Page);
            var file = new StringBuilder();
            for (var i = 0; i < Cards; i++)
                file.Append($"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bulk;P{i:D5};;;\r\nTEL;TYPE=cell:+55 11 9{i:D4}-{i:D4}\r\nCATEGORIES:Bulk\r\nEND:VCARD\r\n");
            await import.OpenAsync();
            await import.ChooseAsync("bulk.vcf", "text/vcard", file.ToString());

            var clock = Stopwatch.StartNew();
            await import.Import.ClickAsync();
            await Expect(import.Count("Imported")).ToHaveTextAsync(Cards.ToString(), new() { Timeout = 90_000 });
            output.WriteLine($"{Cards} cards imported from the page in {clock.ElapsedMilliseconds} ms");

            var pager = contacts.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
            await Expect(pager).ToContainTextAsync($"1–50 of {Cards}");
            await Expect(contacts.GroupFilter("Bulk")).ToHaveAccessibleNameAsync($"Bulk, {Cards} contacts");
            await contacts.SearchForAsync("P09999");
            await Expect(contacts.Row("P09999 Bulk")).ToContainTextAsync("+55 11 99999-9999");
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
