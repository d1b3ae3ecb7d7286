using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serialization;

/// <summary>
/// Pyro4's json serializer (id 2): plain UTF-8 JSON, no header line. Calls travel as
/// <c>{"object":..,"method":..,"params":[..],"kwargs":{..}|null}</c>; tuples and sets become arrays, dict keys strings,
/// and non-finite floats the bare <c>NaN</c>/<c>Infinity</c> tokens Python's json reads and writes (§5.11).
/// </summary>
public sealed class JsonPyroSerializer : IPyroSerializer
{
    public static readonly JsonPyroSerializer Instance = new();

    private const int MaxDepth = 200;
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        MaxDepth = MaxDepth + 1,
    };

    public ushort Id => 2;
    public string Name => "json";

    public object? Deserialize(ReadOnlySpan<byte> data) => JsonValueParser.Parse(data);

    public byte[] Serialize(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteValue(writer, value, 0);
        return buffer.WrittenSpan.ToArray();
    }

    public async ValueTask SerializeAsync(object? value, PooledBuffer output, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        if (value is not PyListStream stream)
        {
            WriteValue(writer, value, 0);
            return;
        }
        writer.WriteStartArray();
        await foreach (var item in stream.ReadAsync(ct)) WriteValue(writer, item, 1);
        writer.WriteEndArray();
    }

    public byte[] SerializeCall(PyroCall call) => Serialize(new Dictionary<string, object?>
    {
        ["object"] = call.ObjectId,
        ["method"] = call.Method,
        ["params"] = call.Positional,
        ["kwargs"] = call.Keywords,
    });

    public PyroCall DeserializeCall(ReadOnlySpan<byte> data)
    {
        if (Deserialize(data) is not IDictionary call) throw new FormatException("invalid call: a JSON object was expected");
        object? Field(string key) => call.Contains(key) ? call[key] : throw new KeyNotFoundException($"'{key}'");
        return PyroCall.From(Field("object"), Field("method"), Field("params"), Field("kwargs"));
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException("value is nested too deeply to serialize");
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case char c: writer.WriteStringValue(c.ToString()); break;
            case double or float: writer.WriteRawValue(FloatLiteral(Convert.ToDouble(value, CultureInfo.InvariantCulture)), skipInputValidation: true); break;
            case decimal m: writer.WriteStringValue(m.ToString(CultureInfo.InvariantCulture)); break;
            case BigInteger big: writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case Enum e: writer.WriteRawValue(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), true); break;
            case sbyte or byte or short or ushort or int or uint or long or ulong:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true); break;
            case Guid g: writer.WriteStringValue(g.ToString()); break;
            case DateTime dt: writer.WriteStringValue(dt.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture)); break;
            case DateOnly d: writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: writer.WriteStringValue(t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: writer.WriteRawValue(FloatLiteral(span.TotalSeconds), skipInputValidation: true); break;
            // Python's json cannot carry bytes at all; serpent's base64 dict is the least surprising stand-in.
            case byte[] bytes:
                writer.WriteStartObject();
                writer.WriteString("data", Convert.ToBase64String(bytes));
                writer.WriteString("encoding", "base64");
                writer.WriteEndObject();
                break;
            case IDictionary dict:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dict)
                {
                    writer.WritePropertyName(KeyText(entry.Key));
                    WriteValue(writer, entry.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<object, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    writer.WritePropertyName(KeyText(key));
                    WriteValue(writer, item, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item, depth + 1);
                writer.WriteEndArray();
                break;
            case PyListStream: throw new InvalidOperationException("a streamed list can only be a whole reply, not part of another value");
            default: throw new InvalidOperationException($"cannot serialize a {value.GetType().Name} to json");
        }
    }

    // Python's json.dumps turns keys into strings: True → "true", None → "null", numbers → their repr.
    private static string KeyText(object? key) => key switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        double d => FloatLiteral(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"keys must be str, int, float, bool or None, not {key.GetType().Name}"),
    };

    // A float must read back as a float in Python, so integral values keep a ".0" (repr(1.0) == '1.0').
    private static string FloatLiteral(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
