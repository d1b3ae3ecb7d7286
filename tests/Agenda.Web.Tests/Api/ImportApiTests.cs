using System.Net;
using System.Text;
using Agenda.Core.Contacts;
using Microsoft.Extensions.DependencyInjection;
using static Agenda.Web.Tests.Api.TransferFiles;

namespace Agenda.Web.Tests.Api;

/// <summary>POST /api/contacts/import: the report, dry runs, UID updates, and a large file with one bad card.</summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private readonly AgendaApiApplication _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string Mixed = Card("3.0", "FN:Ana Silva", "N:Silva;Ana;;;", "TEL;TYPE=CELL:+34 698 405 961")
        + Card("3.0", "FN:Bad Email", "EMAIL:not-an-address")
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End\r\n"
        + Card("4.0", "FN:Bia Souza", "N:Souza;Bia;;;", "EMAIL;TYPE=work:bia@example.com", "CATEGORIES:Work");

    [Fact]
    public async Task TheReportCountsTheStoredCardsAndNamesEachSkippedOneWithItsLineAndCamelCasePaths()
    {
        var report = await ImportAsync(_client, File(Mixed));

        Assert.Equal(["dryRun", "imported", "updated", "unchanged", "skipped", "contactIds"], report.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 0, 0, 2), Counts(report));
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        var badEmail = report.GetProperty("skipped")[0];
        Assert.Equal((1, 7), (badEmail.GetProperty("index").GetInt32(), badEmail.GetProperty("line").GetInt32()));
        Assert.Equal("emails[0].address: Email must be a valid address, like name@example.com.", badEmail.GetProperty("reason").GetString());
        Assert.Equal(["Email must be a valid address, like name@example.com."], Problem.Errors(badEmail, "emails[0].address"));
        var noEnd = report.GetProperty("skipped")[1];
        Assert.Equal((2, 12), (noEnd.GetProperty("index").GetInt32(), noEnd.GetProperty("line").GetInt32()));
        Assert.Equal("line 12: BEGIN:VCARD without END:VCARD before the next card", noEnd.GetProperty("reason").GetString());
        Assert.False(noEnd.TryGetProperty("errors", out _));

        var stored = await _app.AllContactsAsync();
        Assert.Equal(["Ana", "Bia"], stored.Select(c => c.FirstName));
        Assert.Equal(stored.Select(c => c.Id), report.GetProperty("contactIds").EnumerateArray().Select(i => i.GetInt64()));
        Assert.Equal(["Work"], stored[1].Card.Groups);
    }

    [Fact]
    public async Task ADryRunReportsTheSameButStoresNothing()
    {
        var report = await ImportAsync(_client, File(Mixed), dryRun: true);

        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal((2, 0, 0, 2), Counts(report));
        Assert.Equal(0, report.GetProperty("contactIds").GetArrayLength()); // new contacts have no id yet
        Assert.Empty(await _app.AllContactsAsync());
    }

    [Fact]
    public async Task ReimportingAnEditedExportUpdatesTheContactWithThatUidInsteadOfAddingOne()
    {
        await ImportAsync(_client, File(Mixed));
        var exported = await _client.GetStringAsync("/api/contacts/export");
        var bia = (await _app.AllContactsAsync())[1];

        var edited = exported.Replace("EMAIL;TYPE=work;PREF=1:bia@example.com", "EMAIL;TYPE=work;PREF=1:bia.souza@example.com");
        Assert.NotEqual(exported, edited);
        var report = await ImportAsync(_client, File(edited));

        Assert.Equal((0, 1, 1, 0), Counts(report));
        Assert.Equal([bia.Id], report.GetProperty("contactIds").EnumerateArray().Select(i => i.GetInt64()));
        var after = await _app.AllContactsAsync();
        Assert.Equal(2, after.Count);
        Assert.Equal(("bia.souza@example.com", bia.Version + 1), (after[1].Email, after[1].Version));
    }

    [Fact]
    public async Task TenThousandCardsWithOneBadInTheMiddleStoreTheOther9999AndTheReportSaysWhichOne()
    {
        const int bad = 5_000;
        var file = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
            file.Append(Card("3.0", $"N:Person{i};Card;;;", $"FN:Card Person{i}", $"TEL:+1 555 {i:D4}", i == bad ? "EMAIL:broken" : $"EMAIL:p{i}@example.com"));
        var bytes = Encoding.UTF8.GetBytes(file.ToString());

        var dry = await ImportAsync(_client, File(bytes, "text/vcard"), dryRun: true);
        Assert.Equal((9_999, 0, 0, 1), Counts(dry));
        Assert.Equal(0, await _app.Store.CountAsync(null));

        var report = await ImportAsync(_client, File(bytes, "text/vcard"));
        Assert.Equal((9_999, 0, 0, 1), Counts(report));
        var skipped = report.GetProperty("skipped")[0];
        Assert.Equal((bad, bad * 7 + 1), (skipped.GetProperty("index").GetInt32(), skipped.GetProperty("line").GetInt32()));
        Assert.Equal(["emails[0].address"], Problem.Fields(skipped));
        Assert.Equal(9_999, await _app.Store.CountAsync(null));
        Assert.Equal(0, await _app.Store.CountAsync("Person5000"));
        Assert.Equal(1, await _app.Store.CountAsync("Person5001"));
    }

    public static TheoryData<byte[], string> BrokenCards() => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE, 0x0A, 0x7F, 0x0A], "line 1: property outside a card" },
        { Encoding.UTF8.GetBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off\r\n"), "line 1: BEGIN:VCARD without END:VCARD" },
        { Encoding.UTF8.GetBytes(Card("2.1", "FN:Zipped", "NOTE;ENCODING=x-zip:abc")), "line 4: unknown ENCODING 'x-zip' on NOTE" },
    };

    [Theory]
    [MemberData(nameof(BrokenCards))]
    public async Task ABrokenCardIsSkippedWithItsReasonAndTheGoodCardAfterItIsStored(byte[] broken, string reason)
    {
        var good = Encoding.UTF8.GetBytes(Card("3.0", "FN:Good One", "TEL:555 0100"));

        var report = await ImportAsync(_client, File([.. broken, .. good], "text/vcard"));

        Assert.Equal((1, 0, 0, 1), Counts(report));
        Assert.StartsWith(reason, report.GetProperty("skipped")[0].GetProperty("reason").GetString());
        Assert.Equal(["Good One"], (await _app.AllContactsAsync()).Select(c => c.FirstName));
    }

    [Fact]
    public async Task AFileOfRandomBytesIsReportedAndStoresNothing()
    {
        var random = new byte[16 * 1024];
        new Random(15).NextBytes(random);

        var report = await ImportAsync(_client, File(random, "text/vcard"));

        Assert.Equal(0, report.GetProperty("imported").GetInt32());
        Assert.NotEqual(0, report.GetProperty("skipped").GetArrayLength());
        Assert.Empty(await _app.AllContactsAsync());
    }

    [Fact]
    public async Task AGoogleContactsCsvFileImports()
    {
        const string csv = "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\r\n" +
                           "Ana,Silva,* myContacts ::: Family,* Home,ana@example.com,Mobile,+34 698 405 961\r\n";

        var report = await ImportAsync(_client, File(csv, "text/csv; charset=utf-8"));

        Assert.Equal((1, 0, 0, 0), Counts(report));
        var ana = Assert.Single(await _app.AllContactsAsync());
        Assert.Equal(("Silva", "ana@example.com", "+34 698 405 961", "Family"), (ana.SecondName, ana.Email, ana.PhoneNumber, ana.Card.Groups.Single()));
    }

    [Fact]
    public async Task AnImportIsTaggedAsARestWrite()
    {
        var changes = new List<ContactChange>();
        using var _ = _app.Services.GetRequiredService<ContactChangeNotifier>().Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        await ImportAsync(_client, File(Mixed));

        Assert.Equal([Door.Rest, Door.Rest], changes.Select(c => c.Door));
    }
}
