using System.Globalization;
using System.Text;
using Agenda.Core.Transfer;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// agenda.contacts' files: export_vcard and export_csv return the book (or a filtered part) as one str, import_vcard and
/// import_csv take one and answer the import's report as a dict (<see cref="SnakeReport"/>). Both directions are bounded
/// by the daemon's message size: a call larger than Rmi:MaxMessageBytes never arrives (the daemon refuses the message),
/// and an export that would be larger raises ValueError instead of being built, pointing at the REST export, which
/// streams.
/// </summary>
internal static class ContactsTransfer
{
    //   export_vcard(version=4, group=None, text=None, favorite=None) -> str    vCard 4.0, or 3.0 with version=3
    //   export_csv(group=None, text=None, favorite=None) -> str                 Google Contacts CSV
    //   import_vcard(text, dry_run=False) -> report dict                        2.1, 3.0 and 4.0 cards, mixed
    //   import_csv(text, dry_run=False) -> report dict
    public static RemoteMethod[] Methods(ContactImporter importer, int maxExportBytes) =>
    [
        Method("export_vcard", [PyParameter.Optional("version", 4L), .. ExportFilters], (a, c) =>
            ExportAsync(importer, VCardOf(a.GetInt64("version")), a, maxExportBytes, c)),
        Method("export_csv", ExportFilters, (a, c) =>
            ExportAsync(importer, ContactFileFormats.Csv, a, maxExportBytes, c)),
        Method("import_vcard", ImportParameters, (a, c) => ImportAsync(importer, ContactFileFormats.VCard, a, c)),
        Method("import_csv", ImportParameters, (a, c) => ImportAsync(importer, ContactFileFormats.Csv, a, c)),
    ];

    // group= one group's contacts (any case), text= a search as search() does, favorite=True|False; all combine.
    private static readonly PyParameter[] ExportFilters =
        [PyParameter.Optional("group"), PyParameter.Optional("text"), PyParameter.Optional("favorite")];

    private static readonly PyParameter[] ImportParameters = [PyParameter.Required("text"), PyParameter.Optional("dry_run", false)];

    private static RemoteMethod Method(string name, IReadOnlyList<PyParameter> parameters, Func<PyArguments, RemoteCallContext, Task<object?>> body) =>
        StoreCalls.Method(SnakeDicts.FieldName, name, parameters, body);

    private static ContactFileFormat VCardOf(long version) => version switch
    {
        4 => ContactFileFormats.VCard,
        3 => ContactFileFormats.VCard3,
        _ => throw PyException.ValueError($"version must be 4 or 3, not {version}"),
    };

    private static async Task<object?> ExportAsync(
        ContactImporter importer, ContactFileFormat format, PyArguments a, int maxBytes, RemoteCallContext c)
    {
        var text = new BoundedTextWriter(maxBytes);
        try { await importer.ExportAsync(format, ContactsObject.Filter(a, a.GetOptionalString("text")), text, c.Cancellation); }
        catch (TextBoundExceededException)
        {
            throw PyException.ValueError(
                $"the export is larger than {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, the daemon's message size " +
                "(Rmi:MaxMessageBytes); export a part with group=, text= or favorite=, or download the whole book " +
                "over REST: GET /api/contacts/export");
        }
        return text.ToString();
    }

    // Python bytes arrive as serpent's base64 dict, which would otherwise read as "not dict".
    private static string Text(object? value) => value switch
    {
        string text => text,
        _ when SerpentBytes.TryDecode(value, out _) =>
            throw PyException.TypeError("text must be a str, not bytes; decode the file first: open(path, encoding='utf-8').read()"),
        _ => throw SnakeValues.WrongType("text", "a str", value),
    };

    private static async Task<object?> ImportAsync(ContactImporter importer, ContactFileFormat format, PyArguments a, RemoteCallContext c)
    {
        var text = Text(a["text"]);
        var dryRun = a["dry_run"] as bool? ?? throw SnakeValues.WrongType("dry_run", "a bool", a["dry_run"]);
        var report = await importer.ImportAsync(format, Encoding.UTF8.GetBytes(text), dryRun, c.Origin(), c.Cancellation);
        return SnakeReport.ToDict(report);
    }
}
