using System.Collections;
using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>
/// Equality stricter than Python's, for "unchanged" checks: types must match (1 is not 1.0 or True, a list is
/// not a tuple), floats compare by bits (so -0.0 differs from 0.0 and NaN equals NaN), dicts compare in order.
/// </summary>
internal static class Strict
{
    public static bool Same(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.GetType() != b.GetType()) return false;
        return (a, b) switch
        {
            (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y)),
            (Complex x, Complex y) => Same(x.Real, y.Real) && Same(x.Imaginary, y.Imaginary),
            (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
            (IDictionary x, IDictionary y) => x.Count == y.Count && Entries(x).Zip(Entries(y))
                .All(p => Same(p.First.Key, p.Second.Key) && Same(p.First.Value, p.Second.Value)),
            (HashSet<object> x, HashSet<object> y) => x.Count == y.Count && x.All(m => y.Any(n => Same(m, n))),
            (IEnumerable x, IEnumerable y) when a is not string => x.Cast<object?>().Count() == y.Cast<object?>().Count() &&
                x.Cast<object?>().Zip(y.Cast<object?>()).All(p => Same(p.First, p.Second)),
            _ => a.Equals(b),
        };
    }

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dict)
    {
        var entry = dict.GetEnumerator();
        while (entry.MoveNext()) yield return entry.Entry;
    }

    public static void AssertSame(object? expected, object? actual, string? context = null)
    {
        if (!Same(expected, actual))
            Assert.Fail($"{context}expected {Show(expected)} ({expected?.GetType().Name}) but got {Show(actual)} ({actual?.GetType().Name})");
    }

    public static string Show(object? value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        byte[] bytes => "b'" + Convert.ToHexString(bytes) + "'",
        _ => PyValue.Repr(value),
    };

    /// <summary>A serpent document: the header line followed by <paramref name="body"/>.</summary>
    public static byte[] Doc(string body) => Encoding.UTF8.GetBytes("# serpent utf-8 python3.2\n" + body);

    public static Dictionary<object, object?> Dict(params (object Key, object? Value)[] entries)
    {
        var dict = new Dictionary<object, object?>(PyComparer.Instance);
        foreach (var (key, value) in entries) dict[key] = value;
        return dict;
    }

    public static HashSet<object> Set(params object[] members) => new(members, PyComparer.Instance);
    public static List<object?> List(params object?[] items) => [.. items];
}
