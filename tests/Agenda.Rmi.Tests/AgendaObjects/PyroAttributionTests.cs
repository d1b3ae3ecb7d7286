using System.Net;
using Agenda.Core.Contacts;
using Agenda.Rmi.AgendaObjects;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.AgendaObjects;

/// <summary>Change events from Pyro writes name the client by address and port.</summary>
public class PyroAttributionTests
{
    private static async Task Call(IRemoteObject target, RemoteCallContext caller, string method, params object?[] positional)
    {
        var remote = target.Methods[method];
        await remote.Handler(PyArguments.Bind(target.TypeName, remote, positional, []), caller);
    }

    private static Dictionary<object, object?> Contact(string firstName) => new()
    {
        ["__class__"] = OriginalAgendaObject.ContactClass, ["id"] = 0L, ["FirstName"] = firstName,
        ["SecondName"] = "", ["PhoneNumber"] = "", ["Email"] = "",
    };

    [Fact]
    public async Task EveryWriteOfBothObjectsCarriesTheClientsEndpoint()
    {
        await using var db = await SqliteStore.OpenAsync();
        var changes = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });
        var klein = new RemoteCallContext(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 51234), CancellationToken.None);
        var mapped = new RemoteCallContext(new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 40000), CancellationToken.None);
        var six = new RemoteCallContext(new IPEndPoint(IPAddress.Parse("fd00::7"), 40001), CancellationToken.None);

        var original = new OriginalAgendaObject(db.Store);
        var contacts = new ContactsObject(db.Store);
        await Call(original, klein, "inserir", Contact("Klein"));
        await Call(original, klein, "atualizar", Contact("Klein R."));
        await Call(contacts, mapped, "update", 0L, new Dictionary<object, object?> { ["email"] = "k@example.com" });
        await Call(contacts, six, "add", new Dictionary<object, object?> { ["first_name"] = "Ana" });
        await Call(original, klein, "excluir", 1L);

        lock (changes)
        {
            Assert.Equal(
            [
                (ChangeKind.Created, "192.0.2.7:51234"), (ChangeKind.Updated, "192.0.2.7:51234"), (ChangeKind.Updated, "10.1.2.3:40000"),
                (ChangeKind.Created, "[fd00::7]:40001"), (ChangeKind.Deleted, "192.0.2.7:51234"),
            ], changes.Select(c => (c.Kind, c.Who!)));
            Assert.All(changes, c => Assert.Equal(Door.Rmi, c.Door));
        }
    }
}
