using Agenda.Rmi.AgendaObjects;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.AgendaObjects;

/// <summary>agenda.contacts carries the whole card as snake_case dicts, both ways, and names every mistake by its path.</summary>
public class RichContactDictsTests
{
    private static Dictionary<object, object?> Dict(params (string Key, object? Value)[] fields) =>
        fields.ToDictionary(f => (object)f.Key, f => f.Value);

    private static List<object?> List(params object?[] items) => [.. items];

    private static Dictionary<object, object?> Rich() => Dict(
        ("first_name", "Ana"), ("second_name", "Silva"), ("middle_name", "Maria"), ("prefix", "Dr."), ("nickname", "Aninha"),
        ("organization", "Example Lda."), ("job_title", "Engineer"),
        ("phones", List(Dict(("label", "mobile"), ("number", "600 111 222"), ("primary", false)),
            Dict(("label", "work"), ("number", "910 000 111"), ("primary", true)))),
        ("emails", new PyTuple(Dict(("label", "home"), ("address", "ana@example.com")))),
        ("addresses", List(Dict(("label", "home"), ("street", "Rua das Flores 12"), ("city", "Lisboa"), ("postal_code", "1200-195")))),
        ("urls", List(Dict(("label", "blog"), ("url", "https://ana.example.com")))),
        ("birthday", "--05-17"), ("anniversary", "2015-09-12"), ("notes", "Met at the conference."),
        ("groups", List("Family", "Book club")), ("favorite", true));

    [Fact]
    public async Task ARichDictRoundTripsThroughAddGetUpdateAndList()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        var ana = (Dictionary<string, object?>)(await contacts.Call("add", [Rich()]))!;

        Assert.Equal(("Maria", "Dr.", "Engineer", "910 000 111", "ana@example.com"),
            (ana["middle_name"], ana["prefix"], ana["job_title"], ana["phone_number"], ana["email"]));
        var phones = Assert.IsType<List<object?>>(ana["phones"]).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal([("mobile", "600 111 222", false), ("work", "910 000 111", true)],
            phones.Select(p => ((string)p["label"]!, (string)p["number"]!, (bool)p["primary"]!)));
        var address = (Dictionary<string, object?>)Assert.Single((List<object?>)ana["addresses"]!)!;
        Assert.Equal(("Lisboa", "1200-195", ""), (address["city"], address["postal_code"], address["country"]));
        Assert.Equal(("--05-17", "2015-09-12", true), (ana["birthday"], ana["anniversary"], ana["favorite"]));
        Assert.Equal(List("Family", "Book club"), ana["groups"]);
        Assert.False(string.IsNullOrEmpty((string)ana["uid"]!));
        Assert.Equal(ana, await contacts.Call("get", [0L]));

        // A list given replaces the stored one whole; None clears; absent keys stay.
        var updated = (Dictionary<string, object?>)(await contacts.Call("update",
            [0L, Dict(("phones", List(Dict(("number", "699 999 999")))), ("birthday", null), ("groups", null))], ("version", 1L)))!;
        Assert.Equal(("699 999 999", null, 2L, "Engineer"), (updated["phone_number"], updated["birthday"], updated["version"], updated["job_title"]));
        Assert.Single((List<object?>)updated["phones"]!);
        Assert.Empty((List<object?>)updated["groups"]!);
        Assert.Equal(ana["uid"], updated["uid"]);
        Assert.Equal(updated, Assert.Single((List<Dictionary<string, object?>>)(await contacts.Call("list", []))!));
    }

    [Theory]
    [InlineData("phones", "600", "phones must be a list or None, not str")]
    [InlineData("phones", 1, "phones[1] must be a dict, not str")]
    [InlineData("phones", 2, "phones[1].number must be a str or None, not int")]
    [InlineData("phones", 3, "phones[1] has unexpected field 'kind'")]
    [InlineData("favorite", 1L, "favorite must be a bool or None, not int")]
    [InlineData("groups", 4, "groups[0] must be a str, not NoneType")]
    [InlineData("birthday", 17L, "birthday must be a str or None, not int")]
    [InlineData("vcard_extras", 5, "contact['vcard_extras'] is read-only")]
    [InlineData("version", 1L, "contact['version'] is read-only")]
    public async Task AWrongTypeRaisesTypeErrorNamingItsPathAndStoresNothing(string key, object? value, string message)
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        var first = Dict(("number", "600 111 222"));
        object? given = value switch
        {
            1 => List(first, "610 000 000"),
            2 => List(first, Dict(("number", 610000000L))),
            3 => List(first, Dict(("number", "610 000 000"), ("kind", "cell"))),
            4 => List((object?)null),
            5 => List("X-FOO:bar"),
            _ => value,
        };

        var error = await RemoteCalls.Raises("builtins.TypeError", () => contacts.Call("add", [Dict(("first_name", "Ana"), (key, given))]));

        Assert.Contains(message, error.Message);
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task PhoneNumberBesidePhonesIsRefusedNamingBoth()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);

        var error = await RemoteCalls.Raises("builtins.TypeError", () => contacts.Call("add",
            [Dict(("first_name", "Ana"), ("phone_number", "600 111 222"), ("phones", List()))]));

        Assert.Contains("phone_number", error.Message);
        Assert.Contains("phones", error.Message);
    }

    [Fact]
    public async Task InvalidValuesRaiseValueErrorNamingSnakeCasePaths()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        var card = Rich();
        card["phones"] = List(Dict(("number", "600 111 222")), Dict(("number", "call me")));
        card["addresses"] = List(Dict(("postal_code", new string('9', 101))));

        var invalid = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("add", [card]));
        var date = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("add", [Dict(("first_name", "Ana"), ("birthday", "17/05/1990"))]));

        Assert.Contains("phones[1].number: Phone number may contain only digits", invalid.Message);
        Assert.Contains("addresses[0].postal_code: Postal code must be at most 100 characters.", invalid.Message);
        Assert.Contains("birthday: must be a date like 1990-05-17 or --05-17", date.Message);
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task ACallerThatSentPhoneNumberReadsItsErrorUnderPhoneNumber()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        await contacts.Call("add", [Rich()]);

        var error = await RemoteCalls.Raises("builtins.ValueError", () => contacts.Call("update", [0L, Dict(("phone_number", "12"), ("email", "nobody"))]));

        Assert.Equal("invalid contact: phone_number: Phone number must contain at least 3 digits.; email: Email must be a valid address, like name@example.com.",
            error.Message);
        Assert.Equal(1, (await db.Store.GetAsync(0)).Version);
    }

    [Fact]
    public async Task ListSearchAndCountFilterByGroupAndFavoriteAndGroupsCountsThem()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contacts = new ContactsObject(db.Store);
        await contacts.Call("add", [Rich()]);
        await contacts.Call("add", [Dict(("first_name", "Bia"), ("groups", List("family")))]);
        await contacts.Call("add", [Dict(("first_name", "Caio"), ("favorite", true))]);

        static IEnumerable<object?> Ids(object? list) => ((List<Dictionary<string, object?>>)list!).Select(c => c["id"]);
        Assert.Equal([0L, 1L], Ids(await contacts.Call("list", [], ("group", "FAMILY"))));
        Assert.Equal([2L], Ids(await contacts.Call("list", [], ("after", 0L), ("favorite", true))));
        Assert.Equal([1L], Ids(await contacts.Call("search", ["i"], ("group", "family"), ("favorite", false))));
        Assert.Equal(2L, await contacts.Call("count", [], ("favorite", true)));
        Assert.Equal(1L, await contacts.Call("count", ["book"], ("group", "Book club")));
        var groups = (List<Dictionary<string, object?>>)(await contacts.Call("groups", []))!;
        Assert.Equal([("Book club", 1L), ("Family", 2L)], groups.Select(g => ((string)g["name"]!, (long)g["count"]!)));
        Assert.Contains("favorite", (await RemoteCalls.Raises("builtins.TypeError", () => contacts.Call("count", [], ("favorite", "yes")))).Message);
    }
}
