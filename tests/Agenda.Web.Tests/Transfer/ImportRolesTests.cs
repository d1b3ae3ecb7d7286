using Agenda.Core.Accounts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Pages;
using Agenda.Web.Components.Transfer;
using Agenda.Web.Tests.Components;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Transfer;

/// <summary>Who may import, with sign-in on: writers see Import, readers only Export; a forced import is refused.</summary>
public sealed class ImportRolesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const string OneCard = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Reis;Gil;;;\r\nEND:VCARD\r\n";

    private readonly SignedInPages _pages = new();

    private IContactStore Store => _pages.Context.Services.GetRequiredService<IContactStore>();

    public Task InitializeAsync() => Task.CompletedTask;

    private IRenderedComponent<ImportPanel> RenderPanel()
    {
        _pages.Context.JSInterop.Mode = JSRuntimeMode.Loose; // the drop script: its calls are not what these tests are about
        var panel = _pages.Context.Render<ImportPanel>(p => p.Add(c => c.Enabled, true));
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(OneCard, "gil.vcf"));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".chosen")), Patience);
        return panel;
    }

    [Fact]
    public async Task AViewerSeesTheExportLinksButNoImport()
    {
        await _pages.SignInAsync("vera", AgendaRoles.Viewer);

        var page = _pages.Context.Render<ContactsPage>();

        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Import contacts");
        Assert.Equal(["Export vCard", "vCard 3.0", "CSV"], page.FindAll(".export-links a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task AViewerForcingTheImportIsRefusedAndNothingIsStored()
    {
        await _pages.SignInAsync("vera", AgendaRoles.Viewer);
        var panel = RenderPanel();

        await panel.FindAll("button").Single(b => b.TextContent == "Import").ClickAsync(new());

        Assert.Equal("Not imported: vera may only read contacts.", panel.Find("[role=alert]").TextContent);
        Assert.Empty(panel.FindAll(".import-report"));
        Assert.Equal(0, await Store.CountAsync(null));
    }

    [Fact]
    public async Task AnEditorsImportIsStoredUnderTheirName()
    {
        await _pages.SignInAsync("eddie", AgendaRoles.Editor);
        var changes = new List<Core.Contacts.ContactChange>();
        using var _ = _pages.Context.Services.GetRequiredService<Core.Contacts.ContactChangeNotifier>().Subscribe(c =>
        {
            lock (changes) changes.Add(c);
            return Task.CompletedTask;
        });
        var panel = RenderPanel();

        await panel.FindAll("button").Single(b => b.TextContent == "Import").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains("Imported gil.vcf.", panel.Find(".summary").TextContent), Patience);
        var change = Assert.Single(changes);
        Assert.Equal((Core.Contacts.Door.Ui, "eddie", "Gil"), (change.Door, change.Who, change.Contact?.FirstName));
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
