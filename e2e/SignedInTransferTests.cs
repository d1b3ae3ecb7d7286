namespace Agenda.E2E;

/// <summary>Import and export with sign-in required: an editor imports under their name; a viewer only exports.</summary>
[Collection(SignInCollection.Name)]
public sealed class SignedInTransferTests(SignInFixture fixture)
{
    [Fact]
    public async Task AnEditorsImportCarriesTheirNameAndAViewerDownloadsItWithTheirCookie()
    {
        var surname = ContactsPage.Unique("Imported");
        await using var editor = await fixture.NewPersonAsync();
        var editing = new ContactsPage(await SignInFixture.SignInAsync(editor, "eddie"));
        var import = new ImportPanel(editing.Page);
        await Expect(editing.AddButton).ToBeEnabledAsync();
        await import.OpenAsync();
        await import.ChooseAsync("one.vcf", "text/vcard", $"BEGIN:VCARD\r\nVERSION:4.0\r\nN:{surname};Iara;;;\r\nCATEGORIES:Signed\r\nEND:VCARD\r\n");
        await import.Import.ClickAsync();
        await Expect(import.Count("Imported")).ToHaveTextAsync("1");
        await editing.SearchForAsync(surname);
        await Expect(editing.Row($"Iara {surname}").Locator(".door")).ToHaveTextAsync("UI · eddie");

        await using var viewer = await fixture.NewPersonAsync();
        var page = await SignInFixture.SignInAsync(viewer, "vera");
        var contacts = new ContactsPage(page);
        var reading = new ImportPanel(page);
        await Expect(contacts.Search).ToBeEnabledAsync(); // interactive: anything hidden now stays hidden
        await Expect(reading.OpenButton).ToHaveCountAsync(0);
        await contacts.SearchForAsync(surname);
        await Expect(contacts.Row($"Iara {surname}")).ToHaveCountAsync(1);

        var (name, vcard) = await reading.DownloadAsync("Export vCard");

        Assert.Equal("agenda-contacts.vcf", name);
        Assert.Contains($"FN:Iara {surname}\r\n", vcard);
        Assert.Contains("CATEGORIES:Signed\r\n", vcard);
        Assert.DoesNotContain("<html", vcard); // the file, not the sign-in page
    }
}
