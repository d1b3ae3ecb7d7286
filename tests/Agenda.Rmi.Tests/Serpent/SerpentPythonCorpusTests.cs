using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Tests.Serpent.Strict;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>Python → C#: every case python/corpus.py serializes with real serpent 1.41 parses to the structure below.</summary>
public class SerpentPythonCorpusTests
{
    private static readonly Dictionary<string, object?> Expected = new()
    {
        ["none"] = null, ["true"] = true, ["false"] = false,
        ["int_small"] = 42L, ["int_negative"] = -7L, ["int_max"] = long.MaxValue, ["int_min"] = long.MinValue,
        ["int_big"] = BigInteger.Pow(2, 100), ["int_big_negative"] = -BigInteger.Pow(2, 64),
        ["float"] = 1.5, ["float_integral"] = 2.0, ["float_tenth"] = 0.1, ["float_tiny"] = 1e-20, ["float_huge"] = 1e22,
        ["float_small_exp"] = 1.5e-7, ["float_1e16"] = 1e16, ["float_denormal"] = double.Epsilon, ["float_max"] = double.MaxValue,
        ["float_negative_zero"] = -0.0, ["float_inf"] = double.PositiveInfinity, ["float_negative_inf"] = double.NegativeInfinity,
        ["float_nan"] = double.NaN,
        ["complex"] = new Complex(1, 2), ["complex_negative_imag"] = new Complex(1, -2), ["complex_pure_imag"] = new Complex(0, 1),
        ["complex_negative"] = new Complex(-1.5, -2.5), ["complex_inf"] = new Complex(double.PositiveInfinity, 1),
        ["str"] = "hello", ["str_empty"] = "", ["str_single_quote"] = "it's", ["str_both_quotes"] = "it's \"q\"",
        ["str_escapes"] = "a\nb\tc\\d\0e\x7f\r", ["str_unicode"] = "héllo € 😀 \u200b", ["str_latin1_controls"] = "\x85\xa0\xad",
        ["str_lone_surrogate"] = "\udc80", ["str_every_bmp_char"] = EveryBmpChar(), ["str_astral"] = Astral(),
        ["bytes"] = Base64Dict("AAFoZWxsbw=="), ["bytes_empty"] = Base64Dict(""), ["bytearray"] = Base64Dict("//4="),
        ["tuple"] = new PyTuple(1L, 2L), ["tuple_one"] = new PyTuple(1L), ["tuple_empty"] = PyTuple.Empty,
        ["list"] = List(1L, "a"), ["list_empty"] = List(),
        ["dict"] = Dict(("a", 1L), (2L, "b")), ["dict_empty"] = Dict(),
        ["dict_odd_keys"] = Dict((new PyTuple(1L, "x"), 1.5), (2.5, null), (true, List()), (-3L, new PyTuple([null])), (new Complex(0, 1), "c")),
        ["set"] = Set(1L, 2L), ["frozenset"] = Set(3L), ["set_empty"] = PyTuple.Empty, ["set_tuples"] = Set(new PyTuple(1L, 2L), new PyTuple("a")),
        ["decimal"] = "3.14159265358979323846", ["datetime"] = "2024-01-02T03:04:05.006789",
        ["datetime_aware"] = "2024-01-02T03:04:05+00:00", ["date"] = "2024-01-02", ["time"] = "03:04:05.000600",
        ["timedelta"] = 86403.000005, ["uuid"] = "12345678-1234-5678-1234-567812345678",
        ["deque"] = List(1L, 2L), ["ordered_dict"] = Dict(("__class__", "collections.OrderedDict"), ("items", List(new PyTuple("x", 1L)))),
        ["enum"] = 2L,
        ["exception"] = Dict(("__class__", "builtins.ValueError"), ("__exception__", true), ("args", new PyTuple("bad", 3L)), ("attributes", Dict())),
        ["nested"] = Dict(("contacts", List(Dict(("id", 0L), ("FirstName", "Ana"), ("tags", Set("x")), ("pos", new PyTuple(1.0, -2L))))), ("n", null)),
        ["deep"] = List(List(List(List(List(List(List(List(List(List(List("x"))))))))))),
        ["indented"] = Dict(("a", Dict(("k", PyTuple.Empty))), ("b", List(1L, new PyTuple(2L), Set(3L)))),
        ["pyro_uri"] = Dict(("__class__", "Pyro4.core.URI"), ("state", new PyTuple("PYRO", "obj", null, "localhost", 5555L))),
    };

    [Fact]
    public void EveryCaseSerializedByPythonSerpentParsesToTheExpectedStructure()
    {
        var corpus = PythonSerpent.Run("corpus.py", []);
        Assert.Equal(Expected.Keys.Order(), corpus.Select(c => c.Name).Order());
        foreach (var (name, serpent) in corpus)
            AssertSame(Expected[name], SerpentParser.Parse(serpent), $"case {name}: ");
    }

    [Fact]
    public void PythonBytesDecodeThroughSerpentBytes()
    {
        var corpus = PythonSerpent.Run("corpus.py", []).ToDictionary(c => c.Name, c => c.Serpent);
        Assert.True(SerpentBytes.TryDecode(SerpentParser.Parse(corpus["bytes"]), out var bytes));
        Assert.Equal("\0\u0001hello"u8.ToArray(), bytes);
    }

    private static Dictionary<object, object?> Base64Dict(string data) => Dict(("data", data), ("encoding", "base64"));

    private static string EveryBmpChar()
    {
        var chars = new char[0x10000];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)i;
        return new string(chars);
    }

    private static string Astral()
    {
        var text = new StringBuilder();
        for (int cp = 0x1F600; cp < 0x1F650; cp++) text.Append(char.ConvertFromUtf32(cp));
        return text.Append(char.ConvertFromUtf32(0x10FFFF)).ToString();
    }
}
