using System.Collections;
using System.Globalization;
using System.Numerics;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serpent;

/// <summary>
/// Writes .NET values as serpent text Python's <c>serpent.loads</c> reads back exactly. What each type becomes
/// is listed on <see cref="PyValue"/>; any other object becomes a dict of its public properties, without a
/// <c>__class__</c> key (a Python client would refuse an unknown class dict).
/// </summary>
public static partial class SerpentWriter
{
    /// <summary>Python cannot read more than 200 nested brackets ("too many nested parentheses").</summary>
    public const int MaxDepth = 200;

    private static ReadOnlySpan<byte> Header => "# serpent utf-8 python3.2\n"u8;

    /// <summary>Serializes <paramref name="value"/> to a new UTF-8 array, header line included.</summary>
    /// <exception cref="SerpentException">Nesting deeper than <see cref="MaxDepth"/> (or a cycle), or a value Python cannot read.</exception>
    public static byte[] Write(object? value)
    {
        using var output = new PooledBuffer();
        Write(output, value);
        return output.ToArray();
    }

    /// <summary>Serializes <paramref name="value"/> onto <paramref name="output"/>, header line included.</summary>
    /// <exception cref="SerpentException">As <see cref="Write(object?)"/>; also for a <see cref="PyListStream"/>, which only <see cref="WriteAsync"/> writes.</exception>
    public static void Write(PooledBuffer output, object? value)
    {
        output.Append(Header);
        WriteValue(output, value, 0);
    }

    /// <summary>
    /// As <see cref="Write(PooledBuffer, object?)"/>, and a <see cref="PyListStream"/> as the whole value is written as a
    /// list, each item as it arrives: the bytes equal those of the same items in a list. Errors of the stream's source
    /// (a failed database read) come out as they are; nothing the writer produced is usable then.
    /// </summary>
    public static async ValueTask WriteAsync(PooledBuffer output, object? value, CancellationToken ct)
    {
        if (value is not PyListStream stream)
        {
            Write(output, value);
            return;
        }
        output.Append(Header);
        output.Append((byte)'[');
        var first = true;
        await foreach (var item in stream.ReadAsync(ct))
        {
            if (!first) output.Append((byte)',');
            first = false;
            WriteValue(output, item, 1);
        }
        output.Append((byte)']');
    }

    // One type switch; depth counts open brackets so cycles end in a SerpentException, not a stack overflow.
    private static void WriteValue(PooledBuffer o, object? value, int depth)
    {
        switch (value)
        {
            case null: o.Append("None"u8); break;
            case string s: WriteString(o, s); break;
            case long l: o.AppendFormatted(l); break;
            case Dictionary<object, object?> parsed: WriteParsedDict(o, parsed, depth); break;
            case Dictionary<string, object?> dict: WriteStringDict(o, dict, depth); break;
            case List<object?> list: WriteParsedList(o, list, depth); break;
            case bool b: o.Append(b ? "True"u8 : "False"u8); break;
            case char c: WriteString(o, c.ToString()); break;
            case int or long or short or sbyte or byte or ushort or uint: o.AppendFormatted(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: o.AppendFormatted(u); break;
            case BigInteger big: o.AppendFormatted(big); break;
            case double d: WriteFloat(o, d, depth); break;
            case float f: WriteFloat(o, f, depth); break;
            case Half h: WriteFloat(o, (double)h, depth); break;
            case decimal m: WriteString(o, m.ToString(CultureInfo.InvariantCulture)); break;
            case Complex z: WriteComplex(o, z, depth); break;
            case Enum e: WriteValue(o, Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), depth); break;
            case DateTime or DateTimeOffset or DateOnly or TimeOnly: WriteString(o, IsoFormat(value)); break;
            case TimeSpan t: WriteFloat(o, t.Ticks / (double)TimeSpan.TicksPerSecond, depth); break;
            case Guid g: WriteString(o, g.ToString("D")); break;
            case byte[] bytes: WriteBytes(o, bytes, depth); break;
            case ReadOnlyMemory<byte> memory: WriteBytes(o, memory.Span, depth); break;
            case Memory<byte> memory: WriteBytes(o, memory.Span, depth); break;
            case ArraySegment<byte> segment: WriteBytes(o, segment, depth); break;
            case PyTuple tuple: WriteTuple(o, tuple, depth); break;
            case PyListStream: throw new SerpentException("a streamed list can only be a whole reply, not part of another value");
            case IDictionary dict: WriteDict(o, Entries(dict), depth); break;
            case IReadOnlyDictionary<string, object?> dict: WriteDict(o, dict.Select(e => KeyValuePair.Create((object)e.Key, e.Value)), depth); break;
            case IDictionary<string, object?> dict: WriteDict(o, dict.Select(e => KeyValuePair.Create((object)e.Key, e.Value)), depth); break;
            case IEnumerable items when IsSet(items): WriteSet(o, items, depth); break;
            case IEnumerable items: WriteList(o, items, depth); break;
            default: WriteDict(o, PublicProperties(value), depth); break;
        }
    }

    private static void WriteTuple(PooledBuffer o, PyTuple tuple, int depth)
    {
        Open(o, (byte)'(', depth);
        for (int i = 0; i < tuple.Count; i++)
        {
            if (i > 0) o.Append((byte)',');
            WriteValue(o, tuple[i], depth + 1);
        }
        if (tuple.Count == 1) o.Append((byte)',');
        o.Append((byte)')');
    }

    // The parser's own dict and list types, enumerated without boxing: the common case on a Pyro server.
    private static void WriteParsedDict(PooledBuffer o, Dictionary<object, object?> dict, int depth)
    {
        Open(o, (byte)'{', depth);
        bool first = true;
        foreach (var (key, value) in dict)
        {
            if (!first) o.Append((byte)',');
            first = false;
            CheckKey(key);
            WriteValue(o, key, depth + 1);
            o.Append((byte)':');
            WriteValue(o, value, depth + 1);
        }
        o.Append((byte)'}');
    }

    // The agenda objects' own dicts (a contact per reply, or per listed item), also without boxing.
    private static void WriteStringDict(PooledBuffer o, Dictionary<string, object?> dict, int depth)
    {
        Open(o, (byte)'{', depth);
        bool first = true;
        foreach (var (key, value) in dict)
        {
            if (!first) o.Append((byte)',');
            first = false;
            WriteString(o, key);
            o.Append((byte)':');
            WriteValue(o, value, depth + 1);
        }
        o.Append((byte)'}');
    }

    private static void WriteParsedList(PooledBuffer o, List<object?> list, int depth)
    {
        Open(o, (byte)'[', depth);
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0) o.Append((byte)',');
            WriteValue(o, list[i], depth + 1);
        }
        o.Append((byte)']');
    }

    private static void WriteList(PooledBuffer o, IEnumerable items, int depth)
    {
        Open(o, (byte)'[', depth);
        bool first = true;
        foreach (var item in items)
        {
            if (!first) o.Append((byte)',');
            first = false;
            WriteValue(o, item, depth + 1);
        }
        o.Append((byte)']');
    }

    // Python serpent writes the empty set as () because {} is a dict; sets of unhashable members cannot be read.
    private static void WriteSet(PooledBuffer o, IEnumerable items, int depth)
    {
        var members = items.Cast<object?>().ToList();
        if (members.Count == 0) { Open(o, (byte)'(', depth); o.Append((byte)')'); return; }
        Open(o, (byte)'{', depth);
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0) o.Append((byte)',');
            CheckKey(members[i]);
            WriteValue(o, members[i], depth + 1);
        }
        o.Append((byte)'}');
    }

    private static void WriteDict(PooledBuffer o, IEnumerable<KeyValuePair<object, object?>> entries, int depth)
    {
        Open(o, (byte)'{', depth);
        bool first = true;
        foreach (var (key, value) in entries)
        {
            if (!first) o.Append((byte)',');
            first = false;
            CheckKey(key);
            WriteValue(o, key, depth + 1);
            o.Append((byte)':');
            WriteValue(o, value, depth + 1);
        }
        o.Append((byte)'}');
    }

    // IDictionary's own enumerator yields DictionaryEntry; plain IEnumerable may yield KeyValuePair instead.
    private static IEnumerable<KeyValuePair<object, object?>> Entries(IDictionary dict)
    {
        var entry = dict.GetEnumerator();
        while (entry.MoveNext()) yield return KeyValuePair.Create(entry.Key, entry.Value);
    }

    private static void Open(PooledBuffer o, byte bracket, int depth)
    {
        if (depth >= MaxDepth)
            throw new SerpentException($"value nests deeper than {MaxDepth} levels (Python's limit), or contains a reference cycle");
        o.Append(bracket);
    }
}
