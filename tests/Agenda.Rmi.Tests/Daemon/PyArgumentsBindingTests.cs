using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Daemon;

public class PyArgumentsBindingTests
{
    private static readonly RemoteMethod Lookup = new("lookup",
        [PyParameter.Required("name"), PyParameter.Optional("return_metadata", false)],
        (_, _) => ValueTask.FromResult<object?>(null));

    private static PyArguments Bind(object?[] positional, params (string, object?)[] keywords) =>
        PyArguments.Bind("NameServer", Lookup, positional, keywords.Select(k => new KeyValuePair<object, object?>(k.Item1, k.Item2)));

    private static string TypeErrorOf(Action call)
    {
        var error = Assert.Throws<PyException>(call);
        Assert.Equal("builtins.TypeError", error.PythonClass);
        return error.Message;
    }

    [Fact]
    public void PositionalThenKeywordThenDefaultsFillTheParameters()
    {
        Assert.Equal(("a.b", false), (Bind(["a.b"])["name"], Bind(["a.b"]).IsTrue("return_metadata")));
        Assert.True(Bind(["a.b"], ("return_metadata", true)).IsTrue("return_metadata"));
        Assert.Equal("x", Bind([], ("name", "x")).GetString("name"));
    }

    [Fact]
    public void MissingArgumentsUseCPythonWording() =>
        Assert.Equal("NameServer.lookup() missing 1 required positional argument: 'name'", TypeErrorOf(() => Bind([])));

    [Fact]
    public void UnexpectedKeywordUsesCPythonWording() =>
        Assert.Equal("NameServer.lookup() got an unexpected keyword argument 'bogus'", TypeErrorOf(() => Bind(["a"], ("bogus", 1))));

    [Fact]
    public void AValueGivenTwiceIsRefused() =>
        Assert.Equal("NameServer.lookup() got multiple values for argument 'name'", TypeErrorOf(() => Bind(["a"], ("name", "b"))));

    [Fact]
    public void TooManyPositionalArgumentsCountSelfAsPythonDoes() =>
        Assert.Equal("NameServer.lookup() takes from 2 to 3 positional arguments but 4 were given", TypeErrorOf(() => Bind(["a", true, 3])));

    [Fact]
    public void TypedGettersRaiseTypeErrorNamingTheParameter()
    {
        Assert.Equal("name must be a str, not int", TypeErrorOf(() => Bind([42L]).GetString("name")));
        Assert.Equal("name must be an int, not str", TypeErrorOf(() => Bind(["zero"]).GetInt64("name")));
        Assert.Equal("name must be an int, not bool", TypeErrorOf(() => Bind([true]).GetInt64("name")));
    }
}
