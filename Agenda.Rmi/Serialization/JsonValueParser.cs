using System.Globalization;
using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serialization;

/// <summary>
/// JSON as Python's <c>json</c> module writes it, into the value model: objects → dict (string keys), arrays → list,
/// integers → long (BigInteger beyond 64 bits), other numbers → double. Unlike System.Text.Json it accepts the bare
/// <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> tokens Python emits for non-finite floats (§5.11).
/// </summary>
internal sealed class JsonValueParser
{
    private const int MaxDepth = 200;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly string _text;
    private int _pos;
    private int _depth;

    private JsonValueParser(string text) => _text = text;

    public static object? Parse(ReadOnlySpan<byte> utf8)
    {
        string text;
        try { text = StrictUtf8.GetString(utf8); }
        catch (DecoderFallbackException) { throw new FormatException("invalid UTF-8 in JSON data"); }
        var parser = new JsonValueParser(text);
        var value = parser.ParseValue();
        parser.SkipWhitespace();
        return parser._pos == text.Length ? value : throw parser.Error("extra data");
    }

    // value := object | array | string | number | 'true' | 'false' | 'null' | 'NaN' | 'Infinity' | '-Infinity'
    private object? ParseValue()
    {
        SkipWhitespace();
        if (_pos >= _text.Length) throw Error("expecting value");
        switch (_text[_pos])
        {
            case '{': return Nested(ParseObject);
            case '[': return Nested(ParseArray);
            case '"': return ParseString();
        }
        if (TryKeyword("true")) return true;
        if (TryKeyword("false")) return false;
        if (TryKeyword("null")) return null;
        if (TryKeyword("NaN")) return double.NaN;
        if (TryKeyword("Infinity")) return double.PositiveInfinity;
        if (TryKeyword("-Infinity")) return double.NegativeInfinity;
        return ParseNumber();
    }

    private object Nested(Func<object> parse)
    {
        if (++_depth > MaxDepth) throw Error("nesting too deep");
        var value = parse();
        _depth--;
        return value;
    }

    // object := '{' [ string ':' value { ',' string ':' value } ] '}'
    private object ParseObject()
    {
        var dict = new Dictionary<object, object?>(PyComparer.Instance);
        _pos++;
        SkipWhitespace();
        if (TryChar('}')) return dict;
        do
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != '"') throw Error("expecting property name enclosed in double quotes");
            var key = ParseString();
            SkipWhitespace();
            if (!TryChar(':')) throw Error("expecting ':' delimiter");
            dict[key] = ParseValue();
            SkipWhitespace();
        } while (TryChar(','));
        return TryChar('}') ? dict : throw Error("expecting ',' delimiter");
    }

    // array := '[' [ value { ',' value } ] ']'
    private object ParseArray()
    {
        var list = new List<object?>();
        _pos++;
        SkipWhitespace();
        if (TryChar(']')) return list;
        do
        {
            list.Add(ParseValue());
            SkipWhitespace();
        } while (TryChar(','));
        return TryChar(']') ? list : throw Error("expecting ',' delimiter");
    }

    // string := '"' { char | '\' escape } '"'   escape := one of "\/bfnrt or 'u' 4 hex digits
    private string ParseString()
    {
        var builder = new StringBuilder();
        _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '"') return builder.ToString();
            if (c < ' ') throw Error("invalid control character in string");
            if (c != '\\') { builder.Append(c); continue; }
            if (_pos >= _text.Length) break;
            var escape = _text[_pos++];
            builder.Append(escape switch
            {
                '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
                'u' => ParseHex4(),
                _ => throw Error("invalid \\escape"),
            });
        }
        throw Error("unterminated string");
    }

    private char ParseHex4()
    {
        if (_pos + 4 > _text.Length ||
            !ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            throw Error("invalid \\uXXXX escape");
        _pos += 4;
        return (char)code;
    }

    // number := [ '-' ] digits [ '.' digits ] [ ('e'|'E') [ '+'|'-' ] digits ]
    private object ParseNumber()
    {
        var start = _pos;
        var isFloat = false;
        if (TryChar('-')) { }
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            isFloat |= _text[_pos] is '.' or 'e' or 'E';
            _pos++;
        }
        var token = _text.AsSpan(start, _pos - start);
        if (token.Length == 0 || token is "-") throw Error("expecting value");
        if (isFloat)
            return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Error("invalid number");
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        return BigInteger.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big) ? big : throw Error("invalid number");
    }

    private bool TryKeyword(string keyword)
    {
        if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0) return false;
        _pos += keyword.Length;
        return true;
    }

    private bool TryChar(char c)
    {
        if (_pos >= _text.Length || _text[_pos] != c) return false;
        _pos++;
        return true;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
    }

    private FormatException Error(string what) => new($"{what}: line 1 column {_pos + 1} (char {_pos})");
}
