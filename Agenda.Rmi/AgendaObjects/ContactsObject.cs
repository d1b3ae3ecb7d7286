using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Transfer;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// <c>agenda.contacts</c>: the agenda for any Pyro4 client, with English names and plain dicts (no <c>__class__</c>, so a
/// stock client needs no converter). A contact dict carries the whole card in snake_case (<see cref="SnakeDicts"/>):
/// names, organization and job_title, phones/emails/addresses/urls as lists of dicts, birthday and anniversary, notes,
/// groups, favorite, uid and the read-only vcard_extras; phone_number and email as the primary's; and id, version,
/// created_at and updated_at (ISO 8601, UTC). add and update take the same keys (<see cref="SnakeFields"/>). vCard and
/// CSV files go in and out as str (<see cref="ContactsTransfer"/>).
/// </summary>
public sealed class ContactsObject(IContactStore store, int maxExportBytes = ContactsObject.DefaultMaxExportBytes) : IRemoteObject
{
    public const string ObjectName = "agenda.contacts";
    public const int MaxLimit = 1000;

    /// <summary>The daemon's default message size (Rmi:MaxMessageBytes); the host passes the configured one.</summary>
    public const int DefaultMaxExportBytes = 4 * 1024 * 1024;

    public string TypeName => "Contacts";
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    public IReadOnlyDictionary<string, RemoteMethod> Methods => field ??= RemoteTable.Of([
        Method("add", [PyParameter.Required("contact")], async (a, c) =>
        {
            var contact = SnakeInput.Read(a["contact"], "contact");
            return SnakeDicts.ToDict(await contact.WriteAsync(() => store.CreateAsync(contact.NewCard(), c.Origin(), c.Cancellation)));
        }),
        Method("get", [PyParameter.Required("id")], async (a, c) =>
            SnakeDicts.ToDict(await store.GetAsync(a.GetInt64("id"), c.Cancellation))),
        // update merges: keys absent from the dict keep their values, lists given replace the stored ones whole.
        // With version, a stale version changes nothing.
        Method("update", [PyParameter.Required("id"), PyParameter.Required("fields"), PyParameter.Optional("version")], async (a, c) =>
        {
            var fields = SnakeInput.Read(a["fields"], "fields");
            return SnakeDicts.ToDict(await fields.WriteAsync(() =>
                store.PatchAsync(a.GetInt64("id"), fields.Patch(), a.GetOptionalInt64("version"), c.Origin(), c.Cancellation)));
        }),
        Method("delete", [PyParameter.Required("id"), PyParameter.Optional("version")], async (a, c) =>
        {
            await store.DeleteAsync(a.GetInt64("id"), a.GetOptionalInt64("version"), c.Origin(), c.Cancellation);
            return null;
        }),
        // list(after=-1, limit=100, group=None, favorite=None): keyset paging; pass the last id seen as after.
        Method("list", [PyParameter.Optional("after", -1L), PyParameter.Optional("limit", 100L), .. FilterParameters], async (a, c) =>
            (await store.PageAsync(Filter(a, null), a.GetInt64("after"), Limit(a), c.Cancellation)).Select(SnakeDicts.ToDict).ToList()),
        Method("search", [PyParameter.Required("text"), PyParameter.Optional("limit", 100L), .. FilterParameters], async (a, c) =>
            (await store.PageAsync(Filter(a, a.GetString("text")), -1, Limit(a), c.Cancellation)).Select(SnakeDicts.ToDict).ToList()),
        Method("count", [PyParameter.Optional("text"), .. FilterParameters], async (a, c) =>
            (long)await store.CountAsync(Filter(a, a.GetOptionalString("text")), c.Cancellation)),
        // groups() -> [{'name': 'Family', 'count': 12}, ...] ordered by name
        Method("groups", [], async (_, c) =>
            (await store.GroupsAsync(c.Cancellation)).Select(g => new Dictionary<string, object?> { ["name"] = g.Name, ["count"] = (long)g.Count }).ToList()),
        // export_vcard, export_csv, import_vcard and import_csv
        .. ContactsTransfer.Methods(new ContactImporter(store), maxExportBytes)]);

    // Keyword arguments of list, search and count: group='Family' keeps one group's contacts (any case), favorite=True
    // the favourites and favorite=False the others.
    private static readonly PyParameter[] FilterParameters = [PyParameter.Optional("group"), PyParameter.Optional("favorite")];

    private static RemoteMethod Method(string name, IReadOnlyList<PyParameter> parameters, Func<PyArguments, RemoteCallContext, Task<object?>> body) =>
        StoreCalls.Method(SnakeDicts.FieldName, name, parameters, body);

    internal static ContactFilter Filter(PyArguments a, string? text) => new(text, a.GetOptionalString("group"), a["favorite"] switch
    {
        null => null,
        bool favorite => favorite,
        var other => throw SnakeValues.WrongType("favorite", "a bool or None", other),
    });

    private static int Limit(PyArguments a)
    {
        var limit = a.GetInt64("limit");
        return limit is >= 1 and <= MaxLimit ? (int)limit : throw PyException.ValueError($"limit must be between 1 and {MaxLimit}, not {limit}");
    }
}
