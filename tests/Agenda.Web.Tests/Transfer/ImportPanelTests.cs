using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Api;
using Agenda.Web.Components.Pages;
using Agenda.Web.Tests.Components;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Transfer;

/// <summary>The contacts page's Import panel over the real store: check first, import, the per-card report, the limit.</summary>
public sealed class ImportPanelTests : IAsyncLifetime
{
    private const string DropScript = "./Components/Transfer/ImportPanel.razor.js";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private StorePages _pages = null!;
    private BunitJSModuleInterop _dropScript = null!;

    private IContactStore Store => _pages.Store;

    public Task InitializeAsync() => OpenAsync();

    private async Task OpenAsync(int? maxImportBytes = null)
    {
        if (_pages is not null) await _pages.DisposeAsync();
        _pages = await StorePages.OpenAsync(services =>
        {
            if (maxImportBytes is { } limit) services.Configure<ApiOptions>(o => o.MaxImportBytes = limit);
        });
        _dropScript = _pages.Context.JSInterop.SetupModule(DropScript);
        _dropScript.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<ContactsPage> OpenPanel()
    {
        var page = _pages.Context.Render<ContactsPage>();
        Button(page, "Import contacts").Click();
        return page;
    }

    private static IElement Button(IRenderedComponent<ContactsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static void Upload(IRenderedComponent<ContactsPage> page, string name, string text) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, name));

    private static string Count(IRenderedComponent<ContactsPage> page, string name) =>
        page.FindAll(".counts div").Single(d => d.QuerySelector("dt")!.TextContent == name).QuerySelector("dd")!.TextContent;

    private static string Cards(params string[] cards) =>
        string.Concat(cards.Select(body => $"BEGIN:VCARD\r\nVERSION:3.0\r\n{body.ReplaceLineEndings("\r\n")}\r\nEND:VCARD\r\n"));

    [Fact]
    public async Task CheckFirstReportsWithoutStoringAndImportThenStoresTheCardsWithTheirGroups()
    {
        var page = OpenPanel();
        Upload(page, "family.vcf", Cards("N:Lima;Ana;;;\nCATEGORIES:Family,Choir", "N:Lima;Bia;;;\nCATEGORIES:Family"));
        page.WaitForAssertion(() => Assert.Contains("family.vcf", page.Find(".chosen").TextContent), Patience);

        await Button(page, "Check first").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("2", Count(page, "Would import")), Patience);
        Assert.Contains("Checked family.vcf: nothing is stored yet.", page.Find(".import-report [role=status]").TextContent);
        Assert.Equal(0, await Store.CountAsync(null));

        await Button(page, "Import").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("2", Count(page, "Imported")), Patience);
        Assert.Equal("0", Count(page, "Skipped"));
        Assert.Empty(page.FindAll(".chosen")); // imported: nothing left to press Import for
        var family = await Store.ListAsync(new ContactFilter(Group: "family"), -1, 10);
        Assert.Equal(["Ana", "Bia"], family.Items.Select(c => c.FirstName));
        Assert.Equal(["Family", "Choir"], family.Items[0].Card.Groups);
        page.WaitForAssertion(() => Assert.Contains("added via UI", page.Find("p.status").TextContent), Patience);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button[aria-label='Family, 2 contacts']")), Patience);
    }

    [Fact]
    public async Task ACardTheStoreRefusesIsListedWithItsNumberLineAndReasonAndTheOthersAreStored()
    {
        var page = OpenPanel();
        Upload(page, "mixed.vcf", Cards("N:Reis;Caio;;;", "N:Reis;Davi;;;\nEMAIL:davi-at-example", "N:Reis;Eva;;;"));
        page.WaitForAssertion(() => Button(page, "Import"), Patience);

        await Button(page, "Import").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("1", Count(page, "Skipped")), Patience);
        Assert.Equal("2", Count(page, "Imported"));
        var cells = page.FindAll(".skipped-cards tbody td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["2", "5", "emails[0].address: Email must be a valid address, like name@example.com."], cells);
        Assert.Equal(["Caio", "Eva"], (await Store.ListAsync(null, -1, 10)).Items.Select(c => c.FirstName));
    }

    [Fact]
    public async Task AGoogleCsvFileIsImportedByItsExtension()
    {
        var page = OpenPanel();
        Upload(page, "google.csv", "First Name,Last Name,Labels,Phone 1 - Label,Phone 1 - Value\r\nFabi,Souza,Work ::: * myContacts,Mobile,+55 69 98405-9615\r\n");
        page.WaitForAssertion(() => Assert.Contains("Google CSV", page.Find(".chosen").TextContent), Patience);

        await Button(page, "Import").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("1", Count(page, "Imported")), Patience);
        var fabi = Assert.Single((await Store.ListAsync(null, -1, 10)).Items);
        Assert.Equal(("Fabi", "Souza", "+55 69 98405-9615"), (fabi.FirstName, fabi.SecondName, fabi.PhoneNumber));
        Assert.Equal(["Work"], fabi.Card.Groups);
    }

    [Fact]
    public async Task AFileOverTheImportLimitIsRefusedBeforeItIsReadAndNothingIsStored()
    {
        await OpenAsync(maxImportBytes: 64);
        var page = OpenPanel();

        var file = Cards("N:Reis;Caio;;;", "N:Reis;Davi;;;");

        Upload(page, "big.vcf", file);

        page.WaitForAssertion(() => Assert.Equal(
            $"big.vcf is {file.Length} bytes; files up to 64 bytes can be imported. Nothing was imported.", page.Find("[role=alert]").TextContent), Patience);
        Assert.Empty(page.FindAll(".chosen"));
        Assert.Contains("up to 64 bytes", page.Find("#import-hint").TextContent);
        Assert.Equal(0, await Store.CountAsync(null));
    }

    [Fact]
    public async Task AFileThatIsNeitherVCardNorCsvIsRefusedByName()
    {
        var page = OpenPanel();

        Upload(page, "notes.txt", "Call Ana on Monday.");

        page.WaitForAssertion(() => Assert.Equal(
            "notes.txt is neither a vCard (.vcf) nor a Google Contacts CSV (.csv) file. Nothing was imported.", page.Find("[role=alert]").TextContent), Patience);
        Assert.Empty(page.FindAll(".chosen"));
        Assert.Equal(0, await Store.CountAsync(null));
    }

    [Fact]
    public void ClosingThePanelTakesItsDropHandlersOffThePage()
    {
        var page = OpenPanel();
        page.WaitForAssertion(() => _dropScript.VerifyInvoke("attach"), Patience);

        Button(page, "Close").Click();

        Assert.Empty(page.FindAll("#import-panel"));
        Assert.Equal("false", Button(page, "Import contacts").GetAttribute("aria-expanded"));
        page.WaitForAssertion(() => _dropScript.VerifyInvoke("detach"), Patience);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
