using System.Runtime.CompilerServices;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// <c>KLEIN_ROCHA</c>: the original Python agenda's remote object, wire-compatible with its clients. Contacts travel as
/// <c>{'__class__': 'objeto_agenda.Objeto', 'id', 'FirstName', 'SecondName', 'PhoneNumber', 'Email'}</c>; the original
/// clients register a converter for that class name. Plain dicts without <c>__class__</c> are accepted too. However rich
/// the card behind it (several phones, addresses, groups from REST or agenda.contacts), this object sees and changes only
/// those five: <c>atualizar</c> patches them and leaves the rest of the card alone.
/// </summary>
public sealed class OriginalAgendaObject(IContactStore store) : IRemoteObject
{
    public const string ObjectName = "KLEIN_ROCHA";
    public const string ContactClass = "objeto_agenda.Objeto";

    public string TypeName => "Agenda";
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    public IReadOnlyDictionary<string, RemoteMethod> Methods => field ??= RemoteTable.Of(
        // inserir(contato) -> the new id (ids start at 0; any id in the object is ignored)
        Method("inserir", [PyParameter.Required("contato")], async (a, c) =>
            (await store.CreateAsync(ObjetoDicts.ReadNew(a["contato"], "contato"), c.Origin(), c.Cancellation)).Id),
        // atualizar(contato) -> True; the contact to change is contato['id']. Only the four fields change.
        Method("atualizar", [PyParameter.Required("contato")], async (a, c) =>
        {
            var change = ObjetoDicts.ReadChange(a["contato"], "contato");
            await store.PatchAsync(IdOf(a["contato"]), change, null, c.Origin(), c.Cancellation);
            return true;
        }),
        // buscar(id) -> the contact
        Method("buscar", [PyParameter.Required("id")], async (a, c) =>
            ObjetoDicts.ToDict(await store.GetAsync(a.GetInt64("id"), c.Cancellation))),
        // listar_todos() -> every contact, ordered by id: streamed from the database into the reply, one dict at a time,
        // so 100,000 contacts are never all in memory as contacts or dicts.
        Method("listar_todos", [], (_, _) => Task.FromResult<object?>(new PyListStream(Objetos()))),
        // excluir(id) -> True
        Method("excluir", [PyParameter.Required("id")], async (a, c) =>
        {
            await store.DeleteAsync(a.GetInt64("id"), null, c.Origin(), c.Cancellation);
            return true;
        }));

    private async IAsyncEnumerable<object?> Objetos([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var contact in store.ReadSummariesAsync(ct)) yield return ObjetoDicts.ToDict(contact);
    }

    private static RemoteMethod Method(string name, IReadOnlyList<PyParameter> parameters, Func<PyArguments, RemoteCallContext, Task<object?>> body) =>
        StoreCalls.Method(ObjetoDicts.FieldName, name, parameters, body);

    private static long IdOf(object? contato)
    {
        // ReadChange has already checked that contato is a dict.
        var dict = (System.Collections.IDictionary)contato!;
        const string key = ObjetoDicts.IdKey;
        if (!dict.Contains(key) || dict[key] is null)
            throw PyException.KeyError($"{key}: atualizar needs the id of the contact to change (contato['{key}'])");
        return PyInt.ToInt64(dict[key], key);
    }
}
