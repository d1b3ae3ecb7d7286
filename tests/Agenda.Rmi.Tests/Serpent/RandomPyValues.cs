using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>
/// Seeded random nested values in the parser's value model, in canonical form (long unless out of range).
/// Like python/roundtrip.py it leaves out what serpent itself cannot round-trip: empty sets, bytes, complex parts
/// of -0.0 or NaN, NaN keys; also complex keys with a zero imaginary part (Python merges 1 and 1+0j).
/// </summary>
internal sealed class RandomPyValues(int seed)
{
    private static readonly double[] SpecialFloats = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e16, double.Epsilon, double.MaxValue, 0.1, 1e22];
    private static readonly (int From, int To)[] CharRanges = [(0x20, 0x7f), (0, 0x20), (0x7f, 0x100), (0x100, 0xd800), (0xdc00, 0xe000), (0xe000, 0x10000), (0x10000, 0x110000)];
    private readonly Random _rng = new(seed);

    public object? Value(int depth = 0)
    {
        int kind = _rng.Next(depth < 4 ? 8 : 4);
        int size = _rng.Next(5);
        return kind switch
        {
            0 => null,
            1 or 2 => Number(key: false),
            3 => Text(),
            4 => Enumerable.Range(0, size).Select(_ => Value(depth + 1)).ToList(),
            5 => new PyTuple(Enumerable.Range(0, size).Select(_ => Value(depth + 1)).ToArray()),
            6 => Dict(size, depth),
            _ => new HashSet<object>(Enumerable.Range(0, size + 1).Select(_ => Key(depth)), PyComparer.Instance),
        };
    }

    private Dictionary<object, object?> Dict(int size, int depth)
    {
        var dict = new Dictionary<object, object?>(PyComparer.Instance);
        for (int i = 0; i < size; i++) dict[Key(depth)] = Value(depth + 1);
        return dict;
    }

    private object Key(int depth)
    {
        if (depth < 3 && _rng.NextDouble() < 0.15)
            return new PyTuple(Enumerable.Range(0, _rng.Next(4)).Select(_ => (object?)Key(depth + 1)).ToArray());
        return _rng.NextDouble() < 0.5 ? Text() : Number(key: true);
    }

    private object Number(bool key) => _rng.Next(6) switch
    {
        0 => (long)_rng.Next(-1000, 1000),
        1 => _rng.NextInt64(long.MinValue, long.MaxValue),
        2 => BigInt(),
        3 => Float(key),
        4 => new Complex(Pick(1.5, -2.0, 1e300, double.PositiveInfinity, 3.25), Pick(1.5, -2.0, 7e-9, double.NegativeInfinity, key ? 4.0 : 0.0)),
        _ => _rng.NextDouble() < 0.5,
    };

    private object BigInt()
    {
        var bytes = new byte[25];
        _rng.NextBytes(bytes);
        var value = new BigInteger(bytes);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    private double Float(bool key)
    {
        double value = _rng.NextDouble() < 0.3 ? Pick(SpecialFloats) : (_rng.NextDouble() * 2e6 - 1e6) * Math.Pow(10, _rng.Next(-300, 300));
        return key && double.IsNaN(value) ? 1.5 : value;
    }

    // Lone surrogates are only ever low ones, so no two random chars form a pair by accident.
    private string Text()
    {
        var text = new StringBuilder();
        for (int i = _rng.Next(12); i > 0; i--)
        {
            var (from, to) = CharRanges[_rng.Next(CharRanges.Length)];
            int cp = _rng.Next(from, to);
            if (cp >= 0x10000) text.Append(char.ConvertFromUtf32(cp)); else text.Append((char)cp);
        }
        return text.ToString();
    }

    private double Pick(params double[] choices) => choices[_rng.Next(choices.Length)];
}
