using Agenda.Rmi.Naming;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Naming;

// Expected results and error texts were produced by Pyro4 4.82's naming.NameServer on this machine.
public class NameServerRegistrationTests : NameServerFixture
{
    [Fact]
    public void TheMethodTableIsPyrosNameServerSurface() =>
        Assert.Equal(["count", "list", "lookup", "ping", "register", "remove", "set_metadata"], Server.Methods.Keys.Order());

    [Fact]
    public async Task AFreshNameServerCountsAndListsOnlyItselfWithItsClassTag()
    {
        Assert.Equal(1L, await Call("count", []));
        var listed = await List(("return_metadata", true));
        Assert.Equal(new PyTuple(SelfUri, new List<object?> { "class:Pyro4.naming.NameServer" }), Assert.Single(listed).Value);
        Assert.Null(await Call("ping", []));
    }

    [Fact]
    public async Task ARegisteredStringIsListedAsGivenButLookedUpNormalised()
    {
        await Call("register", ["my.obj", "pyro:thing@127.0.0.1:9200"]);
        Assert.Equal("pyro:thing@127.0.0.1:9200", (await List())["my.obj"]);
        var uri = Assert.IsType<Dictionary<object, object?>>(await Call("lookup", ["my.obj"]));
        Assert.Equal(PyroUri.ForObject("thing", "127.0.0.1", 9200), PyroUri.FromClassDict(uri));
    }

    [Fact]
    public async Task LookupWithMetadataReturnsTheUriDictAndTheTagList()
    {
        await Call("register", ["a.b", "PYRO:x@h:1"], ("metadata", Set("m1")));
        var result = Assert.IsType<PyTuple>(await Call("lookup", ["a.b"], ("return_metadata", true)));
        Assert.Equal(PyroUri.ForObject("x", "h", 1).ToClassDict(), result[0]);
        Assert.Equal(new List<object?> { "m1" }, result[1]);
    }

    [Fact]
    public async Task RegisteringAUriClassDictStoresItsNormalisedString()
    {
        await Call("register", ["d", PyroUri.Parse("pyro:o@[::1]:5").ToClassDict()]);
        Assert.Equal("PYRO:o@[::1]:5", Table.Find("d")!.Uri);
    }

    [Fact]
    public async Task SafeRegisterOfATakenNameRaisesNamingErrorAndKeepsTheOldUri()
    {
        await Call("register", ["my.obj", "PYRO:a@h:1"]);
        var error = await Raises("register", ["my.obj", "PYRO:b@h:1"], ("safe", true));
        Assert.Equal(("Pyro4.errors.NamingError", "name already registered: my.obj"), (error.PythonClass, error.Message));
        Assert.Equal("PYRO:a@h:1", Table.Find("my.obj")!.Uri);
    }

    [Fact]
    public async Task ReRegisteringANameKeepsItsPlaceInTheListing()
    {
        await Call("register", ["first", "PYRO:a@h:1"]);
        await Call("register", ["second", "PYRO:b@h:1"]);
        await Call("register", ["first", "PYRO:c@h:1"]);
        Assert.Equal(["Pyro.NameServer", "first", "second"], (await List()).Keys.Cast<string>());
        Assert.Equal("PYRO:c@h:1", Table.Find("first")!.Uri);
    }

    [Theory]
    [InlineData(5, "PYRO:x@h:1", null, "builtins.TypeError", "name must be a str")]
    [InlineData("a", 5, null, "builtins.TypeError", "only URIs or strings can be registered")]
    [InlineData(5, 5, null, "builtins.TypeError", "only URIs or strings can be registered")]
    [InlineData("a", "nope", null, "Pyro4.errors.PyroError", "invalid uri")]
    [InlineData("a", "PYRO:x@h:1", "abc", "builtins.TypeError", "metadata should not be a str, but another iterable (set, list, etc)")]
    [InlineData("a", "PYRO:x@h:1", 5L, "builtins.TypeError", "'int' object is not iterable")]
    public async Task RegisterRefusesBadArgumentsWithPyrosErrors(object name, object uri, object? metadata, string type, string message)
    {
        var error = await Raises("register", [name, uri], ("metadata", metadata));
        Assert.Equal((type, message), (error.PythonClass, error.Message));
        Assert.Equal(1, Table.Count);
    }

    [Fact]
    public async Task FalsyMetadataStoresNoTags()
    {
        await Call("register", ["zero", "PYRO:x@h:1"], ("metadata", 0L));
        await Call("register", ["empty", "PYRO:x@h:1"], ("metadata", PyTuple.Empty));
        Assert.Empty(Table.Find("zero")!.Metadata);
        Assert.Empty(Table.Find("empty")!.Metadata);
    }

    [Theory]
    [InlineData("zz", "Pyro4.errors.NamingError", "unknown name: zz")]
    [InlineData(5L, "builtins.TypeError", "can only concatenate str (not \"int\") to str")]
    public async Task LookupOfAnUnknownNameRaisesPyrosError(object name, string type, string message)
    {
        var error = await Raises("lookup", [name]);
        Assert.Equal((type, message), (error.PythonClass, error.Message));
    }

    [Fact]
    public async Task LookupOfAListRaisesUnhashable() =>
        Assert.Equal("unhashable type: 'list'", (await Raises("lookup", [new List<object?> { 1L }])).Message);

    [Fact]
    public async Task SetMetadataReplacesAndClearsTags()
    {
        await Call("register", ["a.b", "PYRO:x@h:1"]);
        await Call("set_metadata", ["a.b", Set("m1", "m2")]);
        Assert.True(Table.Find("a.b")!.Metadata.SetEquals(["m1", "m2"]));
        await Call("set_metadata", ["a.b", PyTuple.Empty]);
        Assert.Empty(Table.Find("a.b")!.Metadata);
    }

    [Fact]
    public async Task SetMetadataOfAnUnknownNameRaisesNamingError()
    {
        Assert.Equal("unknown name: zz", (await Raises("set_metadata", ["zz", PyTuple.Empty])).Message);
        Assert.Equal("name must be a str", (await Raises("set_metadata", [5L, PyTuple.Empty])).Message);
    }

    [Fact]
    public async Task EveryChangeRaisesTheRegistrysChangedEvent()
    {
        var changes = 0;
        ((INameRegistry)Table).Changed += () => changes++;
        await Call("register", ["a", "PYRO:x@h:1"]);
        await Call("set_metadata", ["a", Set("t")]);
        await Call("remove", ["a"]);
        await Call("remove", ["a"]);
        Assert.Equal(3, changes);
    }

    [Fact]
    public async Task ANameRemovedThroughTheRegistryIsAnUnknownNameToPythonClients()
    {
        await Call("register", ["KLEIN_ROCHA", "PYRO:obj_1@127.0.0.1:9095"]);
        INameRegistry registry = Table;

        Assert.True(await registry.RemoveAsync("KLEIN_ROCHA"));

        var error = await Raises("lookup", ["KLEIN_ROCHA"]);
        Assert.Equal(("Pyro4.errors.NamingError", "unknown name: KLEIN_ROCHA"), (error.PythonClass, error.Message));
        Assert.False(await registry.RemoveAsync("KLEIN_ROCHA"));
    }

    [Fact]
    public async Task TheRegistryNeverRemovesTheNameServersOwnEntry()
    {
        Table.Set(new(NameServer.ObjectId, SelfUri, new HashSet<string>()));

        Assert.False(await ((INameRegistry)Table).RemoveAsync(NameServer.ObjectId));

        Assert.NotNull(Table.Find(NameServer.ObjectId));
    }

    [Fact]
    public async Task WithoutANameServerNothingIsRemoved() => Assert.False(await NameServerNotRunning.Instance.RemoveAsync("KLEIN_ROCHA"));
}
