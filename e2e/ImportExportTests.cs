using System.Text;
using System.Text.RegularExpressions;

namespace Agenda.E2E;

/// <summary>Import by drag and drop and by the file picker, the per-card report, and the Export links' downloads.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class ImportExportTests(AgendaUiFixture fixture)
{
    // Three cards as phones write them: an iOS-style 3.0 card with an item group, a 4.0 card, and one outside the group.
    private static string ThreeCards(string surname, string group) => $"""
        BEGIN:VCARD
        VERSION:3.0
        N:{surname};Alma;;;
        FN:Alma {surname}
        item1.TEL;type=pref:+55 11 91234-0001
        item1.X-ABLabel:Grandma
        CATEGORIES:{group},Choir
        END:VCARD
        BEGIN:VCARD
        VERSION:4.0
        FN:Bento {surname}
        N:{surname};Bento;;;
        EMAIL;TYPE=work:bento@example.com
        CATEGORIES:{group}
        BDAY:--0517
        END:VCARD
        BEGIN:VCARD
        VERSION:4.0
        FN:Cora {surname}
        N:{surname};Cora;;;
        TEL;VALUE=uri;TYPE=cell:tel:+55-69-98405-9615
        END:VCARD

        """.ReplaceLineEndings("\r\n");

    [Fact]
    public async Task AVcfDroppedOnThePageIsCheckedImportedFilteredByItsGroupAndExported()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var import = new ImportPanel(contacts.Page);
        var (surname, group) = (ContactsPage.Unique("Dropped"), ContactsPage.Unique("Family"));
        await import.OpenAsync();
        await Expect(import.OpenButton).ToHaveAttributeAsync("aria-expanded", "true");

        // Dragged in over the page's heading, dropped on the zone; the zone lights up while the file is over the page.
        var heading = contacts.Page.GetByRole(AriaRole.Heading, new() { Name = "Contacts", Exact = true });
        var file = await import.DragOverAsync("phone.vcf", "text/vcard", ThreeCards(surname, group), heading);
        await Expect(import.DropZone).ToHaveAttributeAsync("data-dragging", "");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-import-dragging") });
        await import.DropAsync(file, import.DropZone);
        await Expect(import.Panel).ToContainTextAsync(new Regex(@"phone\.vcf · \d+ bytes · vCard"));
        await Expect(import.DropZone).Not.ToHaveAttributeAsync("data-dragging", "");

        await import.CheckFirst.ClickAsync();
        await Expect(import.Summary).ToContainTextAsync("Checked phone.vcf: nothing is stored yet.");
        await Expect(import.Count("Would import")).ToHaveTextAsync("3");
        await contacts.SearchForAsync(surname);
        await Expect(contacts.Page.GetByText("No contacts match.")).ToBeVisibleAsync();

        await import.Import.ClickAsync();
        await Expect(import.Summary).ToContainTextAsync("Imported phone.vcf.");
        await Expect(import.Count("Imported")).ToHaveTextAsync("3");
        await Expect(import.Count("Skipped")).ToHaveTextAsync("0");
        var rows = contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = surname });
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(contacts.Row($"Alma {surname}")).ToContainTextAsync("+55 11 91234-0001");
        await Expect(contacts.Row($"Alma {surname}")).ToContainTextAsync(group);
        await Expect(contacts.Row($"Alma {surname}").Locator(".door")).ToHaveTextAsync("UI");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-import-report"), FullPage = true });

        await contacts.GroupFilter(group).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(contacts.Row($"Cora {surname}")).ToHaveCountAsync(0);

        var (name, vcard) = await import.DownloadAsync("Export vCard");
        Assert.Equal($"agenda-{group}.vcf", name);
        Assert.Equal(2, Regex.Count(vcard, "^BEGIN:VCARD\r$", RegexOptions.Multiline));
        Assert.Contains("VERSION:4.0\r\n", vcard);
        Assert.Contains($"FN:Alma {surname}\r\n", vcard);
        Assert.Contains($"FN:Bento {surname}\r\n", vcard);
        Assert.Contains("item1.X-ABLabel:Grandma", vcard);
        Assert.DoesNotContain("Cora", vcard);

        var (_, vcard3) = await import.DownloadAsync("Export vCard 3.0");
        Assert.Contains("VERSION:3.0\r\n", vcard3);
        Assert.Equal(2, Regex.Count(vcard3, "^FN:", RegexOptions.Multiline));
        var (csvName, csv) = await import.DownloadAsync("Export CSV");
        Assert.EndsWith(".csv", csvName);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("First Name,", lines[0]);
        Assert.Equal(3, lines.Length); // the header and the group's two contacts
        Assert.Contains(lines, l => l.StartsWith($"Bento,,{surname},"));
    }

    [Fact]
    public async Task AFileWithOneBadCardShowsTheSkippedCardsLineAndReasonAndStoresTheOthers()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var import = new ImportPanel(contacts.Page);
        var surname = ContactsPage.Unique("Picked");
        var file = $"""
            BEGIN:VCARD
            VERSION:3.0
            N:{surname};Dora;;;
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:{surname};Edu;;;
            TEL;TYPE=cell:12
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:{surname};Fabi;;;
            END:VCARD
            """.ReplaceLineEndings("\r\n");
        await import.OpenAsync();

        await import.ChooseAsync("exported.vcf", "text/vcard", file);
        await import.Import.ClickAsync();

        await Expect(import.Count("Imported")).ToHaveTextAsync("2");
        await Expect(import.Count("Skipped")).ToHaveTextAsync("1");
        var skipped = import.SkippedCards.GetByRole(AriaRole.Row).Nth(1);
        await Expect(skipped.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["2", "5", "phones[0].number: Phone number must contain at least 3 digits."]);
        await contacts.SearchForAsync(surname);
        await Expect(contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = surname })).ToHaveCountAsync(2);
        await Expect(contacts.Row($"Edu {surname}")).ToHaveCountAsync(0);
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-import-skipped"), FullPage = true });
    }

    [Fact]
    public async Task AtPhoneWidthTheImportPanelAndItsReportFitTheScreen()
    {
        await using var person = await fixture.NewPersonAsync(width: 390, height: 844);
        var contacts = await ContactsPage.OpenAsync(person);
        var import = new ImportPanel(contacts.Page);
        var surname = ContactsPage.Unique("Narrow");
        await import.OpenAsync();

        // Dropped on the contact list, far from the zone: anywhere on the page will do while the panel is open.
        var list = contacts.Page.GetByRole(AriaRole.Region, new() { Name = "Contact list" });
        var file = await import.DragOverAsync("contacts.vcf", "text/vcard", $"""
            BEGIN:VCARD
            VERSION:3.0
            N:{surname};Gil;;;
            EMAIL:not-an-address-but-a-rather-long-line-of-text-without-spaces
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:{surname};Hana;;;
            END:VCARD
            """.ReplaceLineEndings("\r\n"), list);
        await import.DropAsync(file, list);
        await import.CheckFirst.ClickAsync();

        await Expect(import.Count("Would import")).ToHaveTextAsync("1");
        await Expect(import.SkippedCards).ToContainTextAsync("emails[0].address");
        var overflow = await contacts.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-phone-import"), FullPage = true });
        await import.Panel.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-phone-import-panel") });
    }

    [Fact]
    public async Task TheProgressBarMovesWhileALargeFileIsReadAndTheCheckCountsEveryCard()
    {
        const int Cards = 20_000;
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var import = new ImportPanel(contacts.Page);
        var file = new StringBuilder();
        for (var i = 0; i < Cards; i++)
            file.Append($"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Large;Person{i:D5};;;\r\nTEL;TYPE=cell:+55 11 9{i:D4}-{i:D4}\r\nNOTE:{new string('x', 100)}\r\nEND:VCARD\r\n");
        await import.OpenAsync();
        // Every value the bar shows, as the page renders it: a file read in one step would leave only the last.
        await contacts.Page.EvaluateAsync("""
            () => {
                window.importProgress = [];
                new MutationObserver(() => {
                    const bar = document.querySelector("progress[aria-label^='Reading']");
                    if (bar) window.importProgress.push(bar.value / bar.max);
                }).observe(document.body, { subtree: true, childList: true, attributes: true });
            }
            """);

        await import.ChooseAsync("large.vcf", "text/vcard", file.ToString());
        await Expect(import.CheckFirst).ToBeVisibleAsync();

        var seen = await contacts.Page.EvaluateAsync<double[]>("() => window.importProgress");
        var partway = seen.Where(v => v is > 0 and < 1).Distinct().Count();
        Assert.True(partway >= 3, $"the bar showed {partway} values between empty and full: {string.Join(", ", seen)}");
        Assert.Equal(seen.OrderBy(v => v), seen); // it only moves forward
        await Expect(import.Panel).ToContainTextAsync(new Regex(@"large\.vcf · 3\.\d MiB · vCard"));
        await import.CheckFirst.ClickAsync();
        await Expect(import.Count("Would import")).ToHaveTextAsync(Cards.ToString(), new() { Timeout = 60_000 });
    }
}
