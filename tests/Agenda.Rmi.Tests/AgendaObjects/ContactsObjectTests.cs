using Agenda.Rmi.AgendaObjects;

namespace Agenda.Rmi.Tests.AgendaObjects;

public class ContactsObjectTests
{
    private static Dictionary<object, object?> Fields(params (string Key, object? Value)[] fields) =>
        fields.ToDictionary(f => (object)f.Key, f => f.Value);

    [Fact]
    public async Task AddAnswersAPlainDictWithVersionAndUtcTimestamps()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        var ana = Assert.IsType<Dictionary<string, object?>>(await contacts.Call("add", [Fields(("first_name", "Ana"), ("email", "ana@example.com"))]));
        Assert.Equal(["addresses", "anniversary", "birthday", "created_at", "email", "emails", "favorite", "first_name", "groups", "id",
            "job_title", "middle_name", "nickname", "notes", "organization", "phone_number", "phones", "prefix", "second_name", "suffix",
            "uid", "updated_at", "urls", "vcard_extras", "version"], ana.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((0L, 1L, ""), (ana["id"], ana["version"], ana["phone_number"]));
        Assert.Equal((null, false), (ana["birthday"], ana["favorite"]));
        Assert.EndsWith("+00:00", (string)ana["created_at"]!);
        Assert.Equal(ana, await contacts.Call("get", [0L]));
    }

    [Fact]
    public async Task UpdateMergesTheGivenFieldsAndAStaleVersionChangesNothing()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        await contacts.Call("add", [Fields(("first_name", "Ana"), ("phone_number", "69 984059615"))]);

        var updated = (Dictionary<string, object?>)(await contacts.Call("update", [0L, Fields(("email", "ana@example.com"))], ("version", 1L)))!;
        Assert.Equal((2L, "ana@example.com", "69 984059615"), (updated["version"], updated["email"], updated["phone_number"]));

        var stale = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("update", [0L, Fields(("email", "old@example.com")), 1L]));
        Assert.Contains("version", stale.Message);
        Assert.Equal("ana@example.com", (await db.Store.GetAsync(0)).Email);
    }

    [Fact]
    public async Task UpdateWithNoneClearsAFieldAndNamesInvalidFieldsInSnakeCase()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        await contacts.Call("add", [Fields(("first_name", "Ana"), ("email", "ana@example.com"))]);

        var cleared = (Dictionary<string, object?>)(await contacts.Call("update", [0L, Fields(("email", null))]))!;
        var invalid = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("update", [0L, Fields(("first_name", null))]));

        Assert.Equal(("Ana", "", 2L), (cleared["first_name"], cleared["email"], cleared["version"]));
        Assert.Contains("first_name: First name is required.", invalid.Message);
        Assert.Equal(2, (await db.Store.GetAsync(0)).Version);
    }

    [Fact]
    public async Task UpdateThatChangesNothingKeepsTheVersion()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        var ana = (Dictionary<string, object?>)(await contacts.Call("add", [Fields(("first_name", "Ana"))]))!;

        var same = await contacts.Call("update", [0L, Fields(("first_name", "Ana"), ("email", ""))], ("version", 1L));

        Assert.Equal(ana, same);
        Assert.Equal(1, (await db.Store.GetAsync(0)).Version);
    }

    [Fact]
    public async Task ListPagesSearchFindsPhoneDigitsAndCountFilters()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        await contacts.Call("add", [Fields(("first_name", "Ana"), ("phone_number", "69 984059615"))]);
        await contacts.Call("add", [Fields(("first_name", "Bia"))]);
        await contacts.Call("add", [Fields(("first_name", "Caio"))]);

        static IEnumerable<object?> Ids(object? list) => ((List<Dictionary<string, object?>>)list!).Select(c => c["id"]);
        Assert.Equal([0L, 1L, 2L], Ids(await contacts.Call("list", [])));
        Assert.Equal([1L], Ids(await contacts.Call("list", [], ("after", 0L), ("limit", 1L))));
        Assert.Equal([0L], Ids(await contacts.Call("search", ["9840"])));
        Assert.Equal(1L, await contacts.Call("count", ["BIA"]));
        Assert.Equal(3L, await contacts.Call("count", []));
        await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("list", [], ("limit", 5000L)));
    }

    [Fact]
    public async Task BadCallsRaiseThePythonExceptionAndStoreNothing()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        Assert.Contains("email", (await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("add", [Fields(("first_name", "X"), ("email", "@"))]))).Message);
        Assert.Contains("nick", (await RemoteCalls.Raises("builtins.TypeError", () => contacts.Call("add", [Fields(("first_name", "X"), ("nick", "x"))]))).Message);
        Assert.Contains("12345", (await RemoteCalls.Raises("builtins.KeyError", () => contacts.Call("get", [12345L]))).Message);
        await RemoteCalls.Raises("builtins.KeyError", () => contacts.Call("delete", [12345L]));
        Assert.Equal(0, await db.Store.CountAsync(null));
    }
}
