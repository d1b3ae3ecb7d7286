using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// <c>agenda.contacts</c>: the agenda for any Pyro4 client, with English names and plain dicts (no <c>__class__</c>, so a
/// stock client needs no converter). Each contact dict carries id, first_name, second_name, phone_number, email,
/// version, created_at and updated_at (ISO 8601, UTC).
/// </summary>
public sealed class ContactsObject(IContactStore store) : IRemoteObject
{
    public const string ObjectName = "agenda.contacts";
    public const int MaxLimit = 1000;
    private static readonly ContactDicts Spelling = ContactDicts.Snake;

    public string TypeName => "Contacts";
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    public IReadOnlyDictionary<string, RemoteMethod> Methods => field ??= RemoteTable.Of(
        Method("add", [PyParameter.Required("contact")], async (a, c) =>
            Spelling.ToDict(await store.CreateAsync(Spelling.ReadInput(a["contact"], "contact"), c.Origin(), c.Cancellation))),
        Method("get", [PyParameter.Required("id")], async (a, c) =>
            Spelling.ToDict(await store.GetAsync(a.GetInt64("id"), c.Cancellation))),
        // update merges: fields absent from the dict keep their values. With version, a stale version changes nothing.
        Method("update", [PyParameter.Required("id"), PyParameter.Required("fields"), PyParameter.Optional("version")], async (a, c) =>
            Spelling.ToDict(await store.PatchAsync(
                a.GetInt64("id"), Spelling.ReadPatch(a["fields"], "fields"), a.GetOptionalInt64("version"), c.Origin(), c.Cancellation))),
        Method("delete", [PyParameter.Required("id"), PyParameter.Optional("version")], async (a, c) =>
        {
            await store.DeleteAsync(a.GetInt64("id"), a.GetOptionalInt64("version"), c.Origin(), c.Cancellation);
            return null;
        }),
        // list(after=-1, limit=100): keyset paging; pass the last id seen as after.
        Method("list", [PyParameter.Optional("after", -1L), PyParameter.Optional("limit", 100L)], async (a, c) =>
            (await store.ListAsync(null, a.GetInt64("after"), Limit(a), c.Cancellation)).Items.Select(Spelling.ToDict).ToList()),
        Method("search", [PyParameter.Required("text"), PyParameter.Optional("limit", 100L)], async (a, c) =>
            (await store.ListAsync(a.GetString("text"), -1, Limit(a), c.Cancellation)).Items.Select(Spelling.ToDict).ToList()),
        Method("count", [PyParameter.Optional("text")], async (a, c) =>
            (long)await store.CountAsync(a.GetOptionalString("text"), c.Cancellation)));

    private static RemoteMethod Method(string name, IReadOnlyList<PyParameter> parameters, Func<PyArguments, RemoteCallContext, Task<object?>> body) =>
        StoreCalls.Method(Spelling, name, parameters, body);

    private static int Limit(PyArguments a)
    {
        var limit = a.GetInt64("limit");
        return limit is >= 1 and <= MaxLimit ? (int)limit : throw PyException.ValueError($"limit must be between 1 and {MaxLimit}, not {limit}");
    }
}
