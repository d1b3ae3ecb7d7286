using System.Net;
using System.Text;
using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Accounts;
using Agenda.Web.Tests.Accounts;
using Agenda.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Transfer;

/// <summary>GET /ui/export, the contacts page's Export links: the filtered contacts as a download, with sign-in off and on.</summary>
public sealed class ExportDownloadTests : IAsyncLifetime
{
    private readonly AgendaApiApplication _app = new();

    public async Task InitializeAsync()
    {
        await _app.Store.CreateAsync(ContactCard.Simple("Ana", "Lima", "+55 11 91234-0001", "ana@example.com") with { Groups = ["Família"] }, Door.Ui);
        await _app.Store.CreateAsync(ContactCard.Simple("Bia", "Lima", "", "") with { Groups = ["Família"], Favorite = true }, Door.Ui);
        await _app.Store.CreateAsync(ContactCard.Simple("Caio", "Reis", "", "") with { Favorite = true }, Door.Ui);
    }

    private static int CardCount(string vcard) => vcard.Split("BEGIN:VCARD\r\n").Length - 1;

    [Fact]
    public async Task AGroupsVCardDownloadHoldsOnlyItsContactsAndIsNamedAfterIt()
    {
        var response = await _app.CreateClient().GetAsync("/ui/export?format=vcard&group=fam%C3%ADlia");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("agenda-família.vcf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var vcard = await response.Content.ReadAsStringAsync();
        Assert.Equal(2, CardCount(vcard));
        Assert.Contains("VERSION:4.0\r\nPRODID:", vcard);
        Assert.Contains("FN:Ana Lima\r\n", vcard);
        Assert.Contains("FN:Bia Lima\r\n", vcard);
        Assert.DoesNotContain("Caio", vcard);
    }

    [Fact]
    public async Task SearchAndFavouritesNarrowTheDownloadAsTheyNarrowTheList()
    {
        var client = _app.CreateClient();

        var lima = await client.GetStringAsync("/ui/export?format=vcard3&q=lima&favorite=true");
        var everyone = await client.GetStringAsync("/ui/export");

        Assert.Equal(1, CardCount(lima));
        Assert.Contains("VERSION:3.0\r\n", lima);
        Assert.Contains("FN:Bia Lima\r\n", lima);
        Assert.Equal(3, CardCount(everyone));
    }

    [Fact]
    public async Task TheCsvDownloadIsGoogleContactsCsvWithAByteOrderMark()
    {
        var response = await _app.CreateClient().GetAsync("/ui/export?format=csv&q=reis");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("agenda-contacts.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("First Name,Middle Name,Last Name,", rows[0]);
        Assert.StartsWith("Caio,,Reis,", Assert.Single(rows[1..]));
    }

    [Fact]
    public async Task AnUnknownFormatIsA400ThatNamesTheFormats()
    {
        var response = await _app.CreateClient().GetAsync("/ui/export?format=xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unknown export format 'xlsx'; use vcard, vcard3 or csv.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithSignInOnAVisitorIsSentToSignInAndAViewersCookieDownloads()
    {
        const string Password = "viewer-password-1";
        await using var secured = new SignInApplication();
        Assert.True((await secured.Services.GetRequiredService<UserAccounts>().AddAsync("vera", AgendaRoles.Viewer, Password)).Succeeded);
        await secured.Services.GetRequiredService<IContactStore>().CreateAsync(ContactCard.Simple("Dora", "Reis", "", ""), Door.Ui);

        var visitor = await secured.NewBrowser().GetAsync("/ui/export?format=vcard");
        var viewer = secured.NewBrowser();
        await SignInApplication.SignInAsync(viewer, "vera", Password);
        var download = await viewer.GetAsync("/ui/export?format=vcard");

        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/signin", visitor.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("FN:Dora Reis\r\n", await download.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
