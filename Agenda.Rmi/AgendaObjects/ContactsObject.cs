using System.Globalization;
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
        Method("add", [PyParameter.Required("contact")], async (a, ct) =>
            ToDict(await store.CreateAsync(Spelling.Read(a["contact"], "contact").Fields, Door.Rmi, ct))),
        Method("get", [PyParameter.Required("id")], async (a, ct) =>
            ToDict(await store.GetAsync(a.GetInt64("id"), ct))),
        // update merges: fields absent from the dict keep their values. With version, a stale version changes nothing.
        Method("update", [PyParameter.Required("id"), PyParameter.Required("fields"), PyParameter.Optional("version")], async (a, ct) =>
            ToDict(await MergeAsync(a.GetInt64("id"), Spelling.Read(a["fields"], "fields"), a.GetOptionalInt64("version"), ct))),
        Method("delete", [PyParameter.Required("id"), PyParameter.Optional("version")], async (a, ct) =>
        {
            await store.DeleteAsync(a.GetInt64("id"), a.GetOptionalInt64("version"), Door.Rmi, ct);
            return null;
        }),
        // list(after=-1, limit=100): keyset paging; pass the last id seen as after.
        Method("list", [PyParameter.Optional("after", -1L), PyParameter.Optional("limit", 100L)], async (a, ct) =>
            (await store.ListAsync(null, a.GetInt64("after"), Limit(a), ct)).Items.Select(ToDict).ToList()),
        Method("search", [PyParameter.Required("text"), PyParameter.Optional("limit", 100L)], async (a, ct) =>
            (await store.ListAsync(a.GetString("text"), -1, Limit(a), ct)).Items.Select(ToDict).ToList()),
        Method("count", [PyParameter.Optional("text")], async (a, ct) =>
            (long)await store.CountAsync(a.GetOptionalString("text"), ct)));

    public static Dictionary<string, object?> ToDict(Contact c) => new()
    {
        ["id"] = c.Id,
        ["first_name"] = c.FirstName,
        ["second_name"] = c.SecondName,
        ["phone_number"] = c.PhoneNumber,
        ["email"] = c.Email,
        ["version"] = c.Version,
        ["created_at"] = IsoUtc(c.CreatedAt),
        ["updated_at"] = IsoUtc(c.UpdatedAt),
    };

    private static RemoteMethod Method(string name, IReadOnlyList<PyParameter> parameters, Func<PyArguments, CancellationToken, Task<object?>> body) =>
        StoreCalls.Method(Spelling, name, parameters, body);

    private async Task<Contact> MergeAsync(long id, (ContactInput Fields, HashSet<string> Present) given, long? version, CancellationToken ct)
    {
        // Without a caller version, retry when another writer slips in between read and write: the merge must apply to the latest row.
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(id, ct);
            string Pick(string key, string? value, string old) => given.Present.Contains(key) ? value ?? "" : old;
            var merged = new ContactInput(
                Pick("first_name", given.Fields.FirstName, current.FirstName),
                Pick("second_name", given.Fields.SecondName, current.SecondName),
                Pick("phone_number", given.Fields.PhoneNumber, current.PhoneNumber),
                Pick("email", given.Fields.Email, current.Email));
            try
            {
                return await store.UpdateAsync(id, merged, version ?? current.Version, Door.Rmi, ct);
            }
            catch (ContactVersionConflictException) when (version is null && attempt < 5) { }
        }
    }

    private static int Limit(PyArguments a)
    {
        var limit = a.GetInt64("limit");
        return limit is >= 1 and <= MaxLimit ? (int)limit : throw PyException.ValueError($"limit must be between 1 and {MaxLimit}, not {limit}");
    }

    private static string IsoUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
