using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Naming;

// Expected results were produced by Pyro4 4.82's naming.NameServer on this machine with the same registrations.
public class NameServerListingTests : NameServerFixture
{
    public NameServerListingTests()
    {
        Call("register", ["a.b", "PYRO:x@h:1"], ("metadata", Set("m1", "m2"))).GetAwaiter().GetResult();
        Call("register", ["a.c", "PYRO:y@h:1"], ("metadata", Set("m2"))).GetAwaiter().GetResult();
        Call("register", ["ba.x", "PYRO:z@h:1"]).GetAwaiter().GetResult();
    }

    public static TheoryData<string, object, string[]> Filters => new()
    {
        { "prefix", "a.", ["a.b", "a.c"] },
        { "prefix", new PyTuple("a.", "ba"), ["a.b", "a.c", "ba.x"] },
        { "prefix", "", ["Pyro.NameServer", "a.b", "a.c", "ba.x"] },
        { "regex", "a", ["a.b", "a.c"] },
        { "regex", "b", ["ba.x"] },
        { "regex", @"a\.(?P<n>b)", ["a.b"] },
        { "regex", "a.b$", ["a.b"] },
        { "metadata_all", Set("m1", "m2"), ["a.b"] },
        { "metadata_any", new List<object?> { "m1", "zz" }, ["a.b"] },
        { "metadata_all", new List<object?>(), ["Pyro.NameServer", "a.b", "a.c", "ba.x"] },
        { "metadata_any", PyTuple.Empty, ["Pyro.NameServer", "a.b", "a.c", "ba.x"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ListFiltersLikePyro(string filter, object value, string[] expected) =>
        Assert.Equal(expected, (await List((filter, value))).Keys.Cast<string>());

    [Fact]
    public async Task ListValuesAreUriStringsOrUriAndTagTuples()
    {
        Assert.Equal("PYRO:y@h:1", (await List(("prefix", "a.c")))["a.c"]);
        var withTags = (await List(("prefix", "a.c"), ("return_metadata", true)))["a.c"];
        Assert.Equal(new PyTuple("PYRO:y@h:1", new List<object?> { "m2" }), withTags);
    }

    [Fact]
    public async Task ListRefusesTwoFiltersEvenWhenOneIsEmpty()
    {
        var error = await Raises("list", [], ("prefix", ""), ("regex", "b"));
        Assert.Equal(("builtins.ValueError", "you can only filter on one thing at a time"), (error.PythonClass, error.Message));
    }

    [Theory]
    [InlineData("regex", "(", "Pyro4.errors.NamingError", "invalid regex: missing ), unterminated subpattern at position 0")]
    [InlineData("regex", "ab(c", "Pyro4.errors.NamingError", "invalid regex: missing ), unterminated subpattern at position 2")]
    [InlineData("regex", "a)b", "Pyro4.errors.NamingError", "invalid regex: unbalanced parenthesis at position 1")]
    [InlineData("regex", "x[a-", "Pyro4.errors.NamingError", "invalid regex: unterminated character set at position 1")]
    [InlineData("regex", "*", "Pyro4.errors.NamingError", "invalid regex: nothing to repeat at position 0")]
    [InlineData("regex", "a**", "Pyro4.errors.NamingError", "invalid regex: multiple repeat at position 2")]
    [InlineData("regex", "a{2,1}", "Pyro4.errors.NamingError", "invalid regex: min repeat greater than max repeat at position 2")]
    [InlineData("regex", 5L, "builtins.TypeError", "first argument must be string or compiled pattern")]
    [InlineData("prefix", 5L, "builtins.TypeError", "startswith first arg must be str or a tuple of str, not int")]
    [InlineData("metadata_all", "x", "builtins.TypeError", "metadata_all should not be a str, but another iterable (set, list, etc)")]
    [InlineData("metadata_any", 5L, "builtins.TypeError", "'int' object is not iterable")]
    public async Task BadFiltersRaisePyrosErrors(string filter, object value, string type, string message)
    {
        var error = await Raises("list", [], (filter, value));
        Assert.Equal((type, message), (error.PythonClass, error.Message));
    }

    [Fact]
    public async Task RemoveByNameByPrefixAndByRegexCountsWhatWentAndSparesTheNameServer()
    {
        Assert.Equal(0L, await Call("remove", [], ("prefix", "Pyro")));
        Assert.Equal(0L, await Call("remove", ["Pyro.NameServer"]));
        Assert.Equal(1L, await Call("remove", [], ("regex", ".*x")));
        Assert.Equal(1L, await Call("remove", ["a.b"], ("prefix", "a.")));
        Assert.Equal(1L, await Call("remove", ["nope"], ("prefix", "a.")));
        Assert.Equal(0L, await Call("remove", [5L]));
        Assert.Equal(1L, await Call("count", []));
    }

    [Fact]
    public async Task RemoveWithAnUnhashableNameRaisesTypeError() =>
        Assert.Equal("unhashable type: 'list'", (await Raises("remove", [new List<object?> { 1L }])).Message);
}
