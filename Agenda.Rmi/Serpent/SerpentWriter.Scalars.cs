using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serpent;

public static partial class SerpentWriter
{
    private static readonly ConcurrentDictionary<Type, bool> SetTypes = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    // Always single quotes. Escaped: \\ \' \n \r \t, other C0 controls, DEL and the C1 controls as \xHH,
    // U+2028/U+2029 and unpaired surrogates as \uHHHH. Everything else goes out as raw UTF-8.
    private static void WriteString(PooledBuffer o, string s)
    {
        o.Append((byte)'\'');
        // Fast path: printable ASCII without quote or backslash is copied as is (vectorized searches).
        if (s.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && s.AsSpan().IndexOfAny('\'', '\\') < 0)
        {
            o.AppendAscii(s);
            o.Append((byte)'\'');
            return;
        }
        int run = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= ' ' and < '\x7f' and not '\'' and not '\\') continue;
            if (c >= '\xa0' && !char.IsSurrogate(c) && c is not '\u2028' and not '\u2029') continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            o.AppendUtf8(s.AsSpan(run, i - run));
            run = i + 1;
            switch (c)
            {
                case '\\': o.Append(@"\\"u8); break;
                case '\'': o.Append(@"\'"u8); break;
                case '\n': o.Append(@"\n"u8); break;
                case '\r': o.Append(@"\r"u8); break;
                case '\t': o.Append(@"\t"u8); break;
                case < '\x100': o.Append(@"\x"u8); o.AppendFormatted((int)c, "x2"); break;
                default: o.Append(@"\u"u8); o.AppendFormatted((int)c, "x4"); break;
            }
        }
        o.AppendUtf8(s.AsSpan(run));
        o.Append((byte)'\'');
    }

    // Python's float repr always has '.' or 'e'; .NET's shortest form may not ("2", "-0", "1E+22"), so '.0' is added.
    // Infinity overflows back to inf in Python; NaN has no literal, so serpent's class dict stands in.
    private static void WriteFloat(PooledBuffer o, double d, int depth)
    {
        if (double.IsNaN(d)) { Open(o, (byte)'{', depth); o.Append("'__class__':'float','value':'nan'}"u8); return; }
        if (double.IsInfinity(d)) { o.Append(d > 0 ? "1e30000"u8 : "-1e30000"u8); return; }
        Span<byte> text = stackalloc byte[32];
        d.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
        text = text[..length];
        bool isFloatLiteral = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == 'E') text[i] = (byte)'e';
            if (text[i] is (byte)'e' or (byte)'.') isFloatLiteral = true;
        }
        o.Append(text);
        if (!isFloatLiteral) o.Append(".0"u8);
    }

    // (real+imagj) as Python serpent writes it. NaN parts have no literal form Python can read back.
    private static void WriteComplex(PooledBuffer o, Complex z, int depth)
    {
        if (double.IsNaN(z.Real) || double.IsNaN(z.Imaginary))
            throw new SerpentException("a complex number with a NaN part cannot be written as a Python literal");
        Open(o, (byte)'(', depth);
        WriteFloat(o, z.Real, depth);
        if (!double.IsNegative(z.Imaginary)) o.Append((byte)'+');
        WriteFloat(o, z.Imaginary, depth);
        o.Append("j)"u8);
    }

    // Serpent's bytes form: a dict Python's serpent.tobytes() (and SerpentBytes.TryDecode) turn back into bytes.
    private static void WriteBytes(PooledBuffer o, ReadOnlySpan<byte> bytes, int depth)
    {
        Open(o, (byte)'{', depth);
        o.Append("'data':'"u8);
        o.AppendUtf8(Convert.ToBase64String(bytes));
        o.Append("','encoding':'base64'}"u8);
    }

    // Python isoformat: microseconds only when non-zero, offset as +HH:MM; DateTimeKind.Unspecified stays naive.
    private static string IsoFormat(object value)
    {
        static string Micro(long ticks) => ticks % TimeSpan.TicksPerSecond / 10 is var us and not 0 ? "." + us.ToString("D6", CultureInfo.InvariantCulture) : "";
        static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return value switch
        {
            DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Micro(dt.Ticks) +
                           (dt.Kind == DateTimeKind.Unspecified ? "" : Offset(dt.Kind == DateTimeKind.Utc ? TimeSpan.Zero : TimeZoneInfo.Local.GetUtcOffset(dt))),
            DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Micro(dto.Ticks) + Offset(dto.Offset),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + Micro(time.Ticks),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
    }

    // Serpent's own rule: keys and set members must be hashable primitives, or Python cannot read the result.
    private static void CheckKey(object? key)
    {
        bool ok = key switch
        {
            string => true,
            null => false,
            double d when double.IsNaN(d) => false,
            float f when float.IsNaN(f) => false,
            _ => IsWritableKey(key),
        };
        if (!ok) throw new SerpentException($"a dict key or set member of type {key?.GetType().Name ?? "null"} cannot be written; Python needs a hashable primitive");
    }

    // NaN is written as a dict, which Python cannot use as a key.
    private static bool IsWritableKey(object key) => key is PyTuple tuple
        ? tuple.All(item => item is null || item is not double.NaN && IsWritableKey(item))
        : key is string || key is not (IEnumerable or ReadOnlyMemory<byte> or Memory<byte>) && (key.GetType().IsPrimitive || key is decimal or BigInteger or Complex or Enum or Guid or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Half);

    private static bool IsSet(IEnumerable items) => SetTypes.GetOrAdd(items.GetType(), type => type.GetInterfaces().Any(i =>
        i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(ISet<>) || d == typeof(IReadOnlySet<>))));

    private static IEnumerable<KeyValuePair<object, object?>> PublicProperties(object value) =>
        Properties.GetOrAdd(value.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray())
            .Select(p => KeyValuePair.Create((object)p.Name, p.GetValue(value)));
}
