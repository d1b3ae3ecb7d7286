using Agenda.Core.Contacts;
using Agenda.Rmi.AgendaObjects;

namespace Agenda.Rmi.Tests.AgendaObjects;

public class OriginalAgendaObjectTests
{
    private static Dictionary<object, object?> Objeto(string first, string email = "", object? id = null) => new()
    {
        ["__class__"] = "objeto_agenda.Objeto", ["id"] = id,
        ["FirstName"] = first, ["SecondName"] = "Rocha", ["PhoneNumber"] = "69 984059615", ["Email"] = email,
    };

    [Fact]
    public async Task InserirReturnsIdsFromZeroAndBuscarAnswersAnObjetoClassDict()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);

        Assert.Equal(0L, await agenda.Call("inserir", [Objeto("Klein", "klein@example.com")]));
        Assert.Equal(1L, await agenda.Call("inserir", [new Dictionary<object, object?> { ["FirstName"] = "Plain" }]));

        var found = Assert.IsType<Dictionary<string, object?>>(await agenda.Call("buscar", [0L]));
        Assert.Equal(["Email", "FirstName", "PhoneNumber", "SecondName", "__class__", "id"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("objeto_agenda.Objeto", 0L, "Klein", "klein@example.com"), (found["__class__"], found["id"], found["FirstName"], found["Email"]));
    }

    [Fact]
    public async Task AtualizarChangesTheContactNamedByItsIdAndListarTodosOrdersById()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);
        await agenda.Call("inserir", [Objeto("A")]);
        await agenda.Call("inserir", [Objeto("B")]);

        Assert.Equal(true, await agenda.Call("atualizar", [Objeto("A2", "a2@example.com", 0L)]));
        var all = Assert.IsType<List<object?>>(await agenda.Call("listar_todos", [])).Cast<Dictionary<string, object?>>();
        Assert.Equal([(0L, "A2"), (1L, "B")], all.Select(c => ((long)c["id"]!, (string)c["FirstName"]!)));
        Assert.Equal(true, await agenda.Call("excluir", [1L]));
        Assert.Single((List<object?>)(await agenda.Call("listar_todos", []))!);
    }

    [Fact]
    public async Task AtualizarChangesOnlyTheFiveFieldsAndKeepsTheRestOfARichCard()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);
        var rich = await db.Store.CreateAsync(ContactCard.Simple("Klein", "Rocha", "69 984059615", "klein@example.com") with
        {
            Phones = [new("work", "69 1111 2222", true), new("mobile", "69 984059615")],
            Addresses = [new("home", "Rua A 1", "Porto Velho")], Groups = ["Family"], Favorite = true,
            Birthday = new PartialDate(null, 5, 17), VCardExtras = ["X-FOO:bar"],
        }, Door.Rest);

        var found = Assert.IsType<Dictionary<string, object?>>(await agenda.Call("buscar", [rich.Id]));
        Assert.Equal(["Email", "FirstName", "PhoneNumber", "SecondName", "__class__", "id"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("69 1111 2222", found["PhoneNumber"]);
        found["PhoneNumber"] = "69 3333 4444";
        found["Email"] = null; // None is empty, as in the original agenda
        Assert.Equal(true, await agenda.Call("atualizar", [found]));

        var card = (await db.Store.GetAsync(rich.Id)).Card;
        Assert.Equal(rich.Card with
        {
            Phones = [new("work", "69 3333 4444", true), new("mobile", "69 984059615")], Emails = [],
        }, card);
        var all = Assert.IsType<List<object?>>(await agenda.Call("listar_todos", []));
        Assert.Equal(6, Assert.IsType<Dictionary<string, object?>>(Assert.Single(all)).Count);
    }

    [Fact]
    public async Task AMissingOrUnknownIdRaisesKeyErrorAndChangesNothing()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);
        await agenda.Call("inserir", [Objeto("A")]);

        Assert.Contains("id", (await RemoteCalls.Raises("builtins.KeyError", () => agenda.Call("atualizar", [Objeto("Z")]))).Message);
        Assert.Contains("99", (await RemoteCalls.Raises("builtins.KeyError", () => agenda.Call("buscar", [99L]))).Message);
        await RemoteCalls.Raises("builtins.KeyError", () => agenda.Call("excluir", [99L]));
        await RemoteCalls.Raises("builtins.KeyError", () => agenda.Call("atualizar", [Objeto("Z", id: 99L)]));
        Assert.Equal("A", (await db.Store.GetAsync(0)).FirstName);
    }

    [Fact]
    public async Task InvalidDataRaisesValueErrorNamingEachFieldAndStoresNothing()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);
        var bad = Objeto("", "not-an-email");
        bad["PhoneNumber"] = "12";

        var error = await RemoteCalls.Raises("builtins.ValueError", () => agenda.Call("inserir", [bad]));
        Assert.All(new[] { "FirstName", "PhoneNumber", "Email" }, field => Assert.Contains(field, error.Message));
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task WrongArgumentTypesRaiseTypeError()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);
        var numericName = Objeto("x");
        numericName["FirstName"] = 42L;
        var extra = Objeto("x");
        extra["Nickname"] = "k";

        await RemoteCalls.Raises("builtins.TypeError", () => agenda.Call("inserir", ["Ana Silva"]));
        Assert.Contains("FirstName", (await RemoteCalls.Raises("builtins.TypeError", () => agenda.Call("inserir", [numericName]))).Message);
        Assert.Contains("Nickname", (await RemoteCalls.Raises("builtins.TypeError", () => agenda.Call("inserir", [extra]))).Message);
        await RemoteCalls.Raises("builtins.TypeError", () => agenda.Call("buscar", ["zero"]));
        await RemoteCalls.Raises("builtins.TypeError", () => agenda.Call("excluir", []));
        Assert.Equal(0, await db.Store.CountAsync(null));
    }
}
