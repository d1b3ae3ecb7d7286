using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Protocol;

// Expected values were printed by Pyro4 4.82's core.URI on this machine (str(uri) and uri.__getstate__()).
public class PyroUriTests
{
    [Theory]
    [InlineData("PYRO:obj@host:1", "PYRO:obj@host:1", "PYRO", "obj", null, "host", 1)]
    [InlineData("pyro:obj@host:1", "PYRO:obj@host:1", "PYRO", "obj", null, "host", 1)]
    [InlineData("PYRONAME:a.b", "PYRONAME:a.b", "PYRONAME", "a.b", null, null, null)]
    [InlineData("pyroname:a.b@ns", "PYRONAME:a.b@ns:9090", "PYRONAME", "a.b", null, "ns", 9090)]
    [InlineData("PYRONAME:a.b@ns:1234", "PYRONAME:a.b@ns:1234", "PYRONAME", "a.b", null, "ns", 1234)]
    [InlineData("PYRO:obj@[::1]:4000", "PYRO:obj@[::1]:4000", "PYRO", "obj", null, "::1", 4000)]
    [InlineData("PYRO:obj@[::1]:4000junk", "PYRO:obj@[::1]:4000", "PYRO", "obj", null, "::1", 4000)]
    [InlineData("PYRO:obj@./u:/tmp/s", "PYRO:obj@./u:/tmp/s", "PYRO", "obj", "/tmp/s", null, null)]
    [InlineData("PYRO:a@b@h:1", "PYRO:a@b@h:1", "PYRO", "a", null, "b@h", 1)]
    [InlineData("PYRO:obj@host: 12 ", "PYRO:obj@host:12", "PYRO", "obj", null, "host", 12)]
    [InlineData("PYRO:obj@host:1_0", "PYRO:obj@host:10", "PYRO", "obj", null, "host", 10)]
    [InlineData("PYRO:obj@:5", "PYRO:obj", "PYRO", "obj", null, "", 5)]
    [InlineData("PYRO:o@h:-1", "PYRO:o@h:-1", "PYRO", "o", null, "h", -1)]
    [InlineData("PYRO:obj@host:1\n", "PYRO:obj@host:1", "PYRO", "obj", null, "host", 1)]
    public void ParsingMatchesPyroFieldByField(string text, string printed, string protocol, string obj, string? sockname,
        string? host, int? port)
    {
        var uri = PyroUri.Parse(text);
        Assert.Equal(new PyroUri(protocol, obj, sockname, host, port), uri);
        Assert.Equal(printed, uri.ToString());
    }

    [Theory]
    [InlineData("PYRO:obj", "invalid uri")]
    [InlineData("http://x", "invalid uri")]
    [InlineData("PYRO:a b@h:1", "invalid uri")]
    [InlineData("PYRO:@h:1", "invalid uri")]
    [InlineData("PYROMETA: a , b@h", "invalid uri")]
    [InlineData("PYROX:obj@h:1", "invalid uri (protocol)")]
    [InlineData("PYRO:obj@./u:", "invalid uri (location)")]
    [InlineData("PYRO:obj@./u:a:b", "invalid uri (location)")]
    [InlineData("PYRO:obj@host", "invalid port in uri, port=None")]
    [InlineData("PYRO:obj@host:abc", "invalid port in uri, port=abc")]
    [InlineData("PYRO:obj@[[::1]]:1", "invalid ipv6 address: enclosed in too many brackets")]
    [InlineData("PYRO:obj@[zz]:1", "invalid ipv6 address: the part between brackets must be a numeric ipv6 address")]
    public void InvalidUrisRaisePyroErrorWithPyrosText(string text, string message)
    {
        var error = Assert.Throws<PyException>(() => PyroUri.Parse(text));
        Assert.Equal(("Pyro4.errors.PyroError", message), (error.PythonClass, error.Message));
    }

    [Fact]
    public void MetaUrisHoldTheirTagsAsASet()
    {
        var uri = PyroUri.Parse("PYROMETA:a,b,a@ns");
        Assert.Equal("PYROMETA:a,b@ns:9090", uri.ToString());
        Assert.True(uri.MetaTags.SetEquals(["a", "b"]));
    }

    [Fact]
    public void TheClassDictCarriesTheStateTuple()
    {
        var dict = PyroUri.ForObject("thing", "127.0.0.1", 9200).ToClassDict();
        Assert.Equal("Pyro4.core.URI", dict["__class__"]);
        Assert.Equal(new PyTuple("PYRO", "thing", null, "127.0.0.1", 9200L), dict["state"]);
    }

    [Fact]
    public void AMetaUriClassDictHoldsTheTagsAsASet()
    {
        var state = (PyTuple)PyroUri.Parse("PYROMETA:x,y@h:1").ToClassDict()["state"]!;
        Assert.True(Assert.IsType<HashSet<object>>(state[1]).SetEquals(["x", "y"]));
    }

    [Theory]
    [InlineData("PYRO:obj@host:1")]
    [InlineData("PYRONAME:a.b")]
    [InlineData("PYRO:obj@[::1]:4000")]
    [InlineData("PYRO:obj@./u:/tmp/s")]
    [InlineData("PYROMETA:a,b@h:5")]
    public void ClassDictsRoundTrip(string text)
    {
        var uri = PyroUri.Parse(text);
        Assert.Equal(uri, PyroUri.FromClassDict(uri.ToClassDict()));
    }

    [Fact]
    public void JsonClassDictsWithAListStateAreAccepted()
    {
        var dict = new Dictionary<object, object?>
        {
            ["__class__"] = "Pyro4.core.URI",
            ["state"] = new List<object?> { "PYRO", "o", null, "h", 7L },
        };
        Assert.Equal(PyroUri.ForObject("o", "h", 7), PyroUri.FromClassDict(dict));
    }

    [Fact]
    public void ADictOfAnotherClassIsNotAUri()
    {
        var dict = new Dictionary<object, object?> { ["__class__"] = "Pyro4.core.Proxy", ["state"] = PyTuple.Empty };
        Assert.False(PyroUri.IsClassDict(dict));
        Assert.Equal("Pyro4.errors.PyroError", Assert.Throws<PyException>(() => PyroUri.FromClassDict(dict)).PythonClass);
    }
}
