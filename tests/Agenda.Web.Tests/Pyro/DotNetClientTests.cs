using Agenda.Rmi.Client;

namespace Agenda.Web.Tests.Pyro;

/// <summary>
/// README "Calling Pyro objects from .NET", line for line, against the real Agenda process and a Python Pyro4 daemon
/// registered in its name server; where the README prints, the test asserts what the README says is printed.
/// </summary>
public class DotNetClientTests
{
    [Fact]
    public async Task TheReadmeExampleCallsAgendaContactsKleinRochaAndAPythonDaemonByName()
    {
        await using var process = await AgendaProcess.StartAsync();
        await using var python = await PythonBackgroundProcess.StartAsync(
            Path.Combine(PythonScript.ScriptDirectory, "greeter_daemon.py"), process.PyroEnvironment);

        var ns = $"127.0.0.1:{process.NameServerPort}";
        var options = new PyroProxyOptions { Timeout = TimeSpan.FromSeconds(10) };

        await using var contacts = await NameServerProxy.OpenAsync($"PYRONAME:agenda.contacts@{ns}", options);
        var ana = (IDictionary<object, object?>)(await contacts.InvokeAsync("add",
            [new Dictionary<string, object?> { ["first_name"] = "Ana", ["second_name"] = "Silva", ["email"] = "ana@example.com" }]))!;
        Assert.Equal("0 1", $"{ana["id"]} {ana["version"]}");
        var found = (List<object?>)(await contacts.InvokeAsync("search", ["silva"]))!;
        Assert.Equal("Ana", ((IDictionary<object, object?>)Assert.Single(found)!)["first_name"]);
        var updated = (IDictionary<object, object?>)(await contacts.InvokeAsync("update",
            [ana["id"], new Dictionary<string, object?> { ["phone_number"] = "69 984059615" }],
            new Dictionary<object, object?> { ["version"] = ana["version"] }))!;
        Assert.Equal(("69 984059615", 2L), (updated["phone_number"], updated["version"]));
        var error = await Assert.ThrowsAsync<PyroRemoteException>(() => contacts.InvokeAsync("get", [12345L]));
        Assert.Equal("builtins.KeyError: no contact with id 12345", error.Message);

        await using var agenda = await NameServerProxy.OpenAsync($"PYRONAME:KLEIN_ROCHA@{ns}", options);
        var id = await agenda.InvokeAsync("inserir", [new Dictionary<string, object?>
        {
            ["__class__"] = "objeto_agenda.Objeto", ["id"] = null, ["FirstName"] = "Rui", ["SecondName"] = "Costa",
            ["PhoneNumber"] = "69 900001111", ["Email"] = "rui@example.com",
        }]);
        var rui = (IDictionary<object, object?>)(await agenda.InvokeAsync("buscar", [id]))!;
        Assert.Equal(("Rui", 1L), (rui["FirstName"], rui["id"]));

        await using var greeter = await NameServerProxy.OpenAsync($"PYRONAME:example.greeter@{ns}", options);
        Assert.Equal("hello, Ana", await greeter.InvokeAsync("greet", ["Ana"]));
    }

    [Fact]
    public async Task AnUnknownNameIsANamingErrorAndAnEmptyPortACommunicationError()
    {
        await using var process = await AgendaProcess.StartAsync();
        var options = new PyroProxyOptions { Timeout = TimeSpan.FromSeconds(10) };

        var unknown = await Assert.ThrowsAsync<PyroRemoteException>(
            () => NameServerProxy.OpenAsync($"PYRONAME:no.such.name@127.0.0.1:{process.NameServerPort}", options));
        Assert.Equal(("Pyro4.errors.NamingError", "unknown name: no.such.name"), (unknown.PythonClass, unknown.PythonArgs[0]));

        var nobody = await Assert.ThrowsAsync<PyroCommunicationException>(
            () => NameServerProxy.OpenAsync($"PYRONAME:agenda.contacts@127.0.0.1:{FreePorts.Tcp()}", options));
        Assert.IsType<System.Net.Sockets.SocketException>(nobody.InnerException);

        var notAUri = await Assert.ThrowsAsync<ArgumentException>(() => NameServerProxy.OpenAsync("agenda.contacts", options));
        Assert.Contains("not a Pyro URI", notAUri.Message);
    }
}
