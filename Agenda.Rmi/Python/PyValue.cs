using System.Collections;
using System.Globalization;
using System.Numerics;

namespace Agenda.Rmi.Python;

/// <summary>
/// The value model shared by the serpent and json serializers. What the parser produces:
/// <list type="table">
/// <item><term>None</term><description><c>null</c></description></item>
/// <item><term>bool</term><description><see cref="bool"/></description></item>
/// <item><term>int</term><description><see cref="long"/>, or <see cref="BigInteger"/> beyond 64 bits</description></item>
/// <item><term>float</term><description><see cref="double"/> (NaN from the <c>{'__class__':'float','value':'nan'}</c> dict)</description></item>
/// <item><term>complex</term><description><see cref="Complex"/></description></item>
/// <item><term>str</term><description><see cref="string"/></description></item>
/// <item><term>tuple</term><description><see cref="PyTuple"/></description></item>
/// <item><term>list</term><description><see cref="List{T}"/> of <c>object?</c></description></item>
/// <item><term>dict</term><description><see cref="Dictionary{TKey,TValue}"/> of <c>object</c> → <c>object?</c> (keys keep their types; class dicts stay dicts)</description></item>
/// <item><term>set</term><description><see cref="HashSet{T}"/> of <c>object</c> (an empty set arrives as <c>()</c>, i.e. an empty <see cref="PyTuple"/>; <c>set()</c> gives an empty HashSet)</description></item>
/// <item><term>bytes</term><description>the dict <c>{'data': base64, 'encoding': 'base64'}</c>, as in Python (<c>Serpent.SerpentBytes.TryDecode</c> converts); a <c>b'...'</c> literal gives <c>byte[]</c></description></item>
/// <item><term>decimal, datetime, date, time, uuid</term><description>strings (isoformat for dates and times); timedelta a float of seconds</description></item>
/// </list>
/// What to pass to get each out: null, bool, any integer type or BigInteger, double/float, Complex, string, PyTuple,
/// any IList or other IEnumerable (list), any IDictionary or IReadOnlyDictionary&lt;string, object?&gt; (dict),
/// any ISet&lt;T&gt; or IReadOnlySet&lt;T&gt; (set), byte[] (the base64 dict).
/// The writer accepts those plus: any other integer type, float, decimal (as a string, like Python's Decimal),
/// DateTime/DateTimeOffset/DateOnly/TimeOnly (isoformat strings), TimeSpan (float seconds), Guid (string),
/// enums (their underlying value), and any other object as a dict of its public properties (never a <c>__class__</c> dict).
/// Parsed dicts keep Python's key order; duplicate keys keep the first key and the last value, as in Python.
/// Dict and set members compare with <see cref="PyComparer"/> (Python equality: 1 == 1.0 == True).
/// </summary>
public static class PyValue
{
    /// <summary>Python equality for the value model, structural for containers.</summary>
    public static bool AreEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        if (IsNumber(a) && IsNumber(b)) return NumbersEqual(a, b);
        if (a is PyTuple ta && b is PyTuple tb) return ta.Equals(tb);
        if (a is string sa && b is string sb) return sa == sb;
        if (a is byte[] ba && b is byte[] bb) return ba.AsSpan().SequenceEqual(bb);
        if (a is IDictionary da && b is IDictionary db) return DictsEqual(da, db);
        if (a is ISet<object> seta && b is ISet<object> setb) return seta.SetEquals(setb);
        if (a is IList la && b is IList lb && a is not PyTuple && b is not PyTuple)
            return la.Count == lb.Count && la.Cast<object?>().Zip(lb.Cast<object?>()).All(p => AreEqual(p.First, p.Second));
        return a.Equals(b);
    }

    /// <summary>A hash consistent with <see cref="AreEqual"/> (equal numbers of different types hash alike).</summary>
    public static int HashOf(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).GetHashCode(),
        BigInteger bi when bi >= long.MinValue && bi <= long.MaxValue => ((long)bi).GetHashCode(),
        int or long or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture).GetHashCode(),
        byte[] bytes => bytes.Length == 0 ? 0 : HashCode.Combine(bytes.Length, bytes[0], bytes[^1]),
        _ => value.GetHashCode(),
    };

    /// <summary>A short Python-like rendering for messages and test output.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        PyTuple t => t.ToString(),
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => Repr(k) + ": " + Repr(d[k]))) + "}",
        ISet<object> s => "{" + string.Join(", ", s.Select(Repr)) + "}",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Repr)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(object o) => o is bool or int or long or short or sbyte or byte or ushort or uint or ulong or double or float or BigInteger;

    private static bool NumbersEqual(object a, object b)
    {
        if (a is double or float || b is double or float)
            return ToDouble(a) == ToDouble(b);
        return ToBig(a) == ToBig(b);
    }

    private static double ToDouble(object o) => o is BigInteger bi ? (double)bi : o is bool b ? (b ? 1 : 0) : Convert.ToDouble(o, CultureInfo.InvariantCulture);
    private static BigInteger ToBig(object o) => o switch
    {
        BigInteger bi => bi,
        bool b => b ? 1 : 0,
        ulong u => u,
        _ => Convert.ToInt64(o, CultureInfo.InvariantCulture),
    };

    private static bool DictsEqual(IDictionary a, IDictionary b)
    {
        if (a.Count != b.Count) return false;
        foreach (DictionaryEntry e in a)
        {
            var match = b.Keys.Cast<object>().FirstOrDefault(k => AreEqual(k, e.Key));
            if (match is null || !AreEqual(e.Value, b[match])) return false;
        }
        return true;
    }
}
