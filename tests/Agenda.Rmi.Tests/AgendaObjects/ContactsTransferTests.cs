using System.Text;
using Agenda.Core.Contacts;
using Agenda.Rmi.AgendaObjects;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.AgendaObjects;

/// <summary>agenda.contacts' export_vcard, import_vcard, export_csv and import_csv, called as the daemon calls them.</summary>
public class ContactsTransferTests
{
    private static string Card(string version, params string[] lines) =>
        $"BEGIN:VCARD\r\nVERSION:{version}\r\n{string.Concat(lines.Select(l => l + "\r\n"))}END:VCARD\r\n";

    private static readonly string Mixed = Card("3.0", "FN:Ana Silva", "N:Silva;Ana;;;", "CATEGORIES:Family")
        + Card("3.0", "FN:Bad Phone", "TEL:call me")
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End\r\n"
        + Card("4.0", "FN:Bia Souza", "N:Souza;Bia;;;", "TEL:910 000 111");

    private static async Task SeedAsync(SqliteStore db, params (string First, string Group)[] people)
    {
        foreach (var (first, group) in people)
            await db.Store.CreateAsync(ContactCard.Simple(first, "Silva", "600 111 222", "") with { Groups = [group] }, Door.Ui);
    }

    [Fact]
    public async Task ImportVcardAnswersTheReportAsADictWithSnakeCasePaths()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        var report = Assert.IsType<Dictionary<string, object?>>(await contacts.Call("import_vcard", [Mixed]));

        Assert.Equal(["dry_run", "imported", "updated", "unchanged", "skipped", "contact_ids"], report.Keys);
        Assert.Equal((false, 2L, 0L, 0L), (report["dry_run"], report["imported"], report["updated"], report["unchanged"]));
        Assert.Equal([0L, 1L], (List<object?>)report["contact_ids"]!);
        var skipped = ((List<object?>)report["skipped"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal((1L, 7L), (skipped[0]["index"], skipped[0]["line"]));
        var errors = Assert.IsType<Dictionary<string, object?>>(skipped[0]["errors"]);
        Assert.Equal(["phones[0].number"], errors.Keys);
        Assert.StartsWith("phones[0].number: Phone number may contain only", (string)skipped[0]["reason"]!);
        Assert.Equal((2L, 12L, null), (skipped[1]["index"], skipped[1]["line"], skipped[1]["errors"]));
        Assert.Equal("line 12: BEGIN:VCARD without END:VCARD before the next card", skipped[1]["reason"]);
        Assert.Equal(2, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task ADryRunReportsButStoresNothing()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        var report = (Dictionary<string, object?>)(await contacts.Call("import_vcard", [Mixed], ("dry_run", true)))!;

        Assert.Equal((true, 2L), (report["dry_run"], report["imported"]));
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task ExportVcardWritesVersion4OrOnRequest3AndFiltersLikeList()
    {
        await using var db = await SqliteStore.OpenAsync();
        await SeedAsync(db, ("Ana", "Family"), ("Bia", "Work"), ("Carla", "Family"));
        var contacts = new ContactsObject(db.Store);

        var all = (string)(await contacts.Call("export_vcard", []))!;
        var v3 = (string)(await contacts.Call("export_vcard", [3L]))!;
        var family = (string)(await contacts.Call("export_vcard", [], ("group", "family")))!;
        var carla = (string)(await contacts.Call("export_vcard", [], ("group", "family"), ("text", "carla")))!;

        Assert.Equal(3, Count(all, "VERSION:4.0\r\n"));
        Assert.Equal(3, Count(v3, "VERSION:3.0\r\n"));
        Assert.Equal(["Ana", "Carla"], Names(family));
        Assert.Equal(["Carla"], Names(carla));
    }

    [Fact]
    public async Task AnExportedBookImportsBackUnchangedByItsUids()
    {
        await using var db = await SqliteStore.OpenAsync();
        await SeedAsync(db, ("Ana", "Family"), ("Bia", "Work"));
        var contacts = new ContactsObject(db.Store);

        var vcard = (Dictionary<string, object?>)(await contacts.Call("import_vcard", [await contacts.Call("export_vcard", [])]))!;
        var csv = (Dictionary<string, object?>)(await contacts.Call("import_csv", [await contacts.Call("export_csv", [])]))!;

        Assert.Equal((0L, 0L, 2L), (vcard["imported"], vcard["updated"], vcard["unchanged"]));
        Assert.Equal((0L, 0L, 2L), (csv["imported"], csv["updated"], csv["unchanged"]));
        Assert.Equal(2, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task AnExportLargerThanTheMessageSizeRaisesValueErrorPointingAtTheRestExport()
    {
        await using var db = await SqliteStore.OpenAsync();
        await SeedAsync(db, [.. Enumerable.Range(0, 40).Select(i => ($"Person{i}", i == 0 ? "Small" : "Large"))]);
        var contacts = new ContactsObject(db.Store, maxExportBytes: 4000);

        var error = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("export_vcard", []));
        var small = (string)(await contacts.Call("export_vcard", [], ("group", "small")))!;

        Assert.Equal("the export is larger than 4,000 bytes, the daemon's message size (Rmi:MaxMessageBytes); export a part with " +
                     "group=, text= or favorite=, or download the whole book over REST: GET /api/contacts/export", error.Message);
        Assert.Equal(["Person0"], Names(small));
        await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("export_csv", []));
    }

    [Theory]
    [InlineData("import_vcard", new[] { "text" }, "text must be a str, not bytes; decode the file first")]
    [InlineData("import_vcard", new[] { "dry_run" }, "dry_run must be a bool, not str")]
    [InlineData("import_csv", new[] { "text" }, "text must be a str, not bytes")]
    [InlineData("export_vcard", new[] { "version" }, "version must be an int, not str")]
    [InlineData("export_vcard", new[] { "favorite" }, "favorite must be a bool or None, not str")]
    public async Task AWrongTypeRaisesTypeErrorNamingTheArgument(string method, string[] wrong, string message)
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        object? Arg(string name, object? right) => wrong.Contains(name) ? (name == "text" ? Encoding.UTF8.GetBytes(Mixed) : "yes") : right;

        var error = await RemoteCalls.Raises("builtins.TypeError", () => method.StartsWith("import")
            ? contacts.Call(method, [Arg("text", Mixed)], ("dry_run", Arg("dry_run", false)))
            : contacts.Call(method, [Arg("version", 4L)], ("favorite", Arg("favorite", null))));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task AVersionOtherThan4Or3RaisesValueError()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        var error = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("export_vcard", [21L]));

        Assert.Equal("version must be 4 or 3, not 21", error.Message);
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private static string[] Names(string vcf) =>
        [.. vcf.Split("\r\n").Where(l => l.StartsWith("N:", StringComparison.Ordinal)).Select(l => l.Split(';')[1])];
}
