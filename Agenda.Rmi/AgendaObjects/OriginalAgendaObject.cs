using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// <c>KLEIN_ROCHA</c>: the original Python agenda's remote object, wire-compatible with its clients. Contacts travel as
/// <c>{'__class__': 'objeto_agenda.Objeto', 'id', 'FirstName', 'SecondName', 'PhoneNumber', 'Email'}</c>; the original
/// clients register a converter for that class name. Plain dicts without <c>__class__</c> are accepted too.
/// </summary>
public sealed class OriginalAgendaObject(IContactStore store) : IRemoteObject
{
    public const string ObjectName = "KLEIN_ROCHA";
    public const string ContactClass = "objeto_agenda.Objeto";
    private static readonly ContactDicts Spelling = ContactDicts.Original;

    public string TypeName => "Agenda";
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    public IReadOnlyDictionary<string, RemoteMethod> Methods => field ??= RemoteTable.Of(
        // inserir(contato) -> the new id (ids start at 0; any id in the object is ignored)
        Method("inserir", [PyParameter.Required("contato")], async (a, c) =>
            (await store.CreateAsync(Spelling.ReadInput(a["contato"], "contato"), c.Origin(), c.Cancellation)).Id),
        // atualizar(contato) -> True; the contact to change is contato['id']
        Method("atualizar", [PyParameter.Required("contato")], async (a, c) =>
        {
            var fields = Spelling.ReadInput(a["contato"], "contato");
            await store.UpdateAsync(IdOf(a["contato"]), fields, null, c.Origin(), c.Cancellation);
            return true;
        }),
        // buscar(id) -> the contact
        Method("buscar", [PyParameter.Required("id")], async (a, c) =>
            Spelling.ToDict(await store.GetAsync(a.GetInt64("id"), c.Cancellation))),
        // listar_todos() -> every contact, ordered by id
        Method("listar_todos", [], async (_, c) =>
        {
            var all = new List<Dictionary<string, object?>>();
            await foreach (var contact in store.ReadAllAsync(null, c.Cancellation)) all.Add(Spelling.ToDict(contact));
            return all;
        }),
        // excluir(id) -> True
        Method("excluir", [PyParameter.Required("id")], async (a, c) =>
        {
            await store.DeleteAsync(a.GetInt64("id"), null, c.Origin(), c.Cancellation);
            return true;
        }));

    private static RemoteMethod Method(string name, IReadOnlyList<PyParameter> parameters, Func<PyArguments, RemoteCallContext, Task<object?>> body) =>
        StoreCalls.Method(Spelling, name, parameters, body);

    private static long IdOf(object? contato)
    {
        // ReadInput has already checked that contato is a dict.
        var dict = (System.Collections.IDictionary)contato!;
        const string key = ContactDicts.IdKey;
        if (!dict.Contains(key) || dict[key] is null)
            throw PyException.KeyError($"{key}: atualizar needs the id of the contact to change (contato['{key}'])");
        return PyInt.ToInt64(dict[key], key);
    }
}
