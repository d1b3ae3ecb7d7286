using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Tests.Serpent.Strict;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>C# → Python: values written by SerpentWriter load in real serpent 1.41 as the values python/check_loads.py expects.</summary>
public class SerpentCSharpToPythonTests
{
    private enum Color { Green = 2 }

    private sealed record ContactDto(long Id, string FirstName, string? Email);

    private static IEnumerable<(string, object?)> Cases()
    {
        yield return ("none", null); yield return ("true", true); yield return ("false", false);
        yield return ("int", 42); yield return ("int_negative", -7L); yield return ("byte", (byte)200);
        yield return ("ulong_max", ulong.MaxValue); yield return ("long_min", long.MinValue); yield return ("big", -BigInteger.Pow(3, 90));
        yield return ("float", 1.5); yield return ("float_integral", 2.0); yield return ("float_tenth", 0.1);
        yield return ("float_tiny", 1e-20); yield return ("float_huge", 1e22); yield return ("float_1e16", 1e16);
        yield return ("float_denormal", double.Epsilon); yield return ("float_max", double.MaxValue); yield return ("single", 0.1f);
        yield return ("negative_zero", -0.0); yield return ("inf", double.PositiveInfinity);
        yield return ("negative_inf", double.NegativeInfinity); yield return ("nan", double.NaN);
        yield return ("complex", new Complex(1, 2)); yield return ("complex_negative", new Complex(-1.5, -2.5));
        yield return ("complex_inf_imag", new Complex(1, double.PositiveInfinity));
        yield return ("str", "hello"); yield return ("str_quotes", "it's \"q\" \\");
        yield return ("str_controls", new string(Enumerable.Range(0, 0x20).Select(i => (char)i).ToArray()) + "\x7f\x85\u2028\u2029");
        yield return ("str_unicode", "héllo € 😀 \u200b\ufeff"); yield return ("str_lone_surrogates", "a\udc80b\ud800");
        yield return ("str_every_bmp_char", new string(Enumerable.Range(0, 0x10000).Where(i => i is < 0xD800 or >= 0xE000).Select(i => (char)i).ToArray()));
        yield return ("str_astral", "\U0001F600\U0010FFFF");
        yield return ("char", 'x'); yield return ("decimal", 3.14159265358979323846m);
        yield return ("guid", Guid.Parse("12345678-1234-5678-1234-567812345678"));
        yield return ("datetime", new DateTime(2024, 1, 2, 3, 4, 5, 6, 789));
        yield return ("datetime_utc", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        yield return ("datetimeoffset", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5.5)));
        yield return ("date", new DateOnly(2024, 1, 2)); yield return ("time", new TimeOnly(3, 4, 5, 0, 600));
        yield return ("timespan", new TimeSpan(1, 0, 0, 3, 0, 5)); yield return ("enum", Color.Green);
        yield return ("tuple", new PyTuple(1, "a")); yield return ("tuple_one", new PyTuple(1)); yield return ("tuple_empty", PyTuple.Empty);
        yield return ("list", new List<object> { 1, new[] { 2, 3 }, new List<string>() }); yield return ("array", new[] { 1, 2, 3 });
        yield return ("dict", Dict(("a", 1), (2, "b"), (new PyTuple(1, "k"), true), (2.5, null)));
        yield return ("dict_empty", new Dictionary<string, string>()); yield return ("dict_typed", new SortedDictionary<string, int> { ["y"] = 2, ["x"] = 1 });
        yield return ("set", new HashSet<int> { 1, 2 }); yield return ("set_strings", new SortedSet<string> { "b", "a" });
        yield return ("set_empty", new HashSet<object>()); yield return ("bytes", new byte[] { 0, 1, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0xff });
        yield return ("dto", new ContactDto(7, "Ana", null));
        yield return ("exception_dict", new Dictionary<string, object?>
        {
            ["__class__"] = "builtins.ValueError", ["__exception__"] = true, ["args"] = new PyTuple("bad", 12),
            ["attributes"] = new Dictionary<string, object?> { ["_pyroTraceback"] = new List<string> { "line 1\n", "line 2\n" } },
        });
        yield return ("deep", List(List(List(List(List(List(List(List(List(List(List("x"))))))))))));
        object? deepest = null;
        for (int i = 0; i < 200; i++) deepest = new List<object?> { deepest };
        yield return ("deepest", deepest);
    }

    [Fact]
    public void EveryValueWrittenByCSharpLoadsInPythonAsExpected()
    {
        var cases = Cases().Select(c => (c.Item1, SerpentWriter.Write(c.Item2))).ToList();
        var results = PythonSerpent.RunRaw("check_loads.py", string.Concat(cases.Select(c => c.Item1 + "\t" + Convert.ToBase64String(c.Item2) + "\n")));
        var lines = results.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, lines.Length);
        var failures = lines.Where(l => !l.EndsWith("\tok", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, "Python disagreed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void WrittenBytesHaveNoBomNoNulAndTheSerpentHeader()
    {
        foreach (var (name, value) in Cases())
        {
            var bytes = SerpentWriter.Write(value);
            Assert.True(bytes.AsSpan().StartsWith("# serpent utf-8 python3.2\n"u8), name);
            Assert.True(bytes.AsSpan().IndexOf((byte)0) < 0, name);
            Assert.True(Encoding.UTF8.GetString(bytes).Length > 0, name);
        }
    }
}
