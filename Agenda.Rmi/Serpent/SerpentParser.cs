using System.Numerics;
using System.Runtime.CompilerServices;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serpent;

/// <summary>
/// Reads serpent (Python literal) text straight from UTF-8 bytes into the value model described on
/// <see cref="PyValue"/>. Accepts what Python's <c>ast.literal_eval</c> accepts, except <c>...</c>,
/// <c>\N{NAME}</c> escapes and <c>None</c> as a dict key or set member.
/// </summary>
public static class SerpentParser
{
    /// <summary>Parses one serpent document (header line + one literal expression).</summary>
    /// <exception cref="SerpentException">Malformed input or a limit exceeded; carries the byte position.</exception>
    public static object? Parse(ReadOnlySpan<byte> utf8, SerpentLimits? limits = null)
    {
        limits ??= SerpentLimits.Default;
        if (utf8.Length > limits.MaxInputBytes)
            throw new SerpentException($"input of {utf8.Length} bytes exceeds the limit of {limits.MaxInputBytes}", utf8, limits.MaxInputBytes);
        var reader = new Reader(utf8, limits.MaxDepth);
        return reader.ReadDocument();
    }

    private ref struct Reader(ReadOnlySpan<byte> input, int maxDepth)
    {
        private static ReadOnlySpan<byte> Header => "# serpent utf-8 python"u8;
        private readonly ReadOnlySpan<byte> _in = input;
        private int _pos;
        private int _depth;

        // document := '# serpent utf-8 python' <rest of line> '\n' value (whitespace | comment)*
        public object? ReadDocument()
        {
            if (!_in.StartsWith(Header))
                throw Error("missing or wrong serpent header (expected '# serpent utf-8 python…')");
            _pos = _in.IndexOf((byte)'\n');
            if (_pos < 0) throw Error("serpent header line is not terminated", _in.Length);
            var value = ReadValue();
            SkipBlank();
            if (_pos < _in.Length) throw Error("unexpected text after the value");
            return value;
        }

        // value := signed_number [('+' | '-') imaginary]     (a complex sum, as Python writes 1+2j)
        //        | string+ | 'None' | 'True' | 'False' | 'set' '(' ')' | tuple | list | dict_or_set
        private object? ReadValue()
        {
            SkipBlank();
            if (_pos >= _in.Length) throw Error("unexpected end of input, expected a value");
            byte c = _in[_pos];
            switch (c)
            {
                case (byte)'(': return ReadParenthesized();
                case (byte)'[': return ReadList();
                case (byte)'{': return ReadDictOrSet();
                case (byte)'\'' or (byte)'"': return ReadStrings();
                case (byte)'-' or (byte)'+' or (byte)'.' or (>= (byte)'0' and <= (byte)'9'): return ReadNumberOrSum();
            }
            if (IsNameByte(c)) return ReadNamed();
            throw Error($"unexpected character '{(char)c}'");
        }

        // named := 'None' | 'True' | 'False' | 'set' '(' ')' | string_prefix string
        private object? ReadNamed()
        {
            int start = _pos;
            while (_pos < _in.Length && IsNameByte(_in[_pos])) _pos++;
            var name = _in[start.._pos];
            if (_pos < _in.Length && _in[_pos] is (byte)'\'' or (byte)'"' && SerpentStrings.IsPrefix(name))
            {
                _pos = start;
                return ReadStrings();
            }
            if (name.SequenceEqual("None"u8)) return null;
            if (name.SequenceEqual("True"u8)) return true;
            if (name.SequenceEqual("False"u8)) return false;
            if (name.SequenceEqual("set"u8))
            {
                Expect((byte)'(');
                Expect((byte)')');
                return new HashSet<object>(PyComparer.Instance);
            }
            throw Error($"unknown name '{System.Text.Encoding.UTF8.GetString(name)}'", start);
        }

        // strings := string (string)*      (implicit concatenation; str and bytes cannot mix)
        private object ReadStrings()
        {
            int start = _pos;
            object first = SerpentStrings.ReadLiteral(_in, ref _pos);
            SkipBlank();
            if (!AtStringStart()) return first;
            var parts = new List<object> { first };
            do
            {
                parts.Add(SerpentStrings.ReadLiteral(_in, ref _pos));
                SkipBlank();
            } while (AtStringStart());
            if (parts.All(p => p is string)) return string.Concat(parts.Cast<string>());
            if (parts.All(p => p is byte[])) return parts.Cast<byte[]>().SelectMany(b => b).ToArray();
            throw Error("cannot mix bytes and str literals", start);
        }

        private readonly bool AtStringStart()
        {
            int p = _pos;
            while (p < _in.Length && p - _pos < 3 && IsNameByte(_in[p])) p++;
            return p < _in.Length && _in[p] is (byte)'\'' or (byte)'"' && SerpentStrings.IsPrefix(_in[_pos..p]);
        }

        // number_or_sum := ['+' | '-'] number [('+' | '-') imaginary]
        private object ReadNumberOrSum()
        {
            object number = SerpentNumbers.ReadSigned(_in, ref _pos);
            if (number is Complex) return number;
            int afterNumber = _pos;
            SkipBlank();
            if (_pos >= _in.Length || _in[_pos] is not ((byte)'+' or (byte)'-'))
            {
                _pos = afterNumber;
                return number;
            }
            bool minus = _in[_pos++] == '-';
            SkipBlank();
            if (_pos >= _in.Length || !SerpentNumbers.StartsNumber(_in[_pos]))
                throw Error("expected an imaginary number after the sign");
            int rightStart = _pos;
            if (SerpentNumbers.ReadUnsigned(_in, ref _pos) is not Complex imaginary)
                throw Error("only 'real + imaginary' sums are allowed", rightStart);
            // Python computes complex(real, 0.0) ± complex(0.0, imag) part by part, which fixes the signs of zeros.
            double real = number is double d ? d : number is long l ? l : (double)(BigInteger)number;
            return minus ? new Complex(real - 0.0, 0.0 - imaginary.Imaginary) : new Complex(real + 0.0, 0.0 + imaginary.Imaginary);
        }

        // tuple := '(' ')' | '(' value ',' [value (',' value)* [',']] ')'
        // group := '(' value ')'                     (plain parentheses: the value itself)
        private object? ReadParenthesized()
        {
            Enter();
            int open = _pos++;
            SkipBlank();
            if (TryTake((byte)')')) { _depth--; return PyTuple.Empty; }
            var first = ReadValue();
            SkipBlank();
            if (TryTake((byte)')')) { _depth--; return first; }
            if (!TryTake((byte)',')) throw Error("expected ',' or ')' in tuple");
            var items = new List<object?> { first };
            ReadItems(items, (byte)')', open);
            _depth--;
            return new PyTuple([.. items]);
        }

        // list := '[' [value (',' value)* [',']] ']'
        private List<object?> ReadList()
        {
            Enter();
            int open = _pos++;
            var items = new List<object?>();
            ReadItems(items, (byte)']', open);
            _depth--;
            return items;
        }

        // items := [value (',' value)* [',']] close      (shared tail of tuples, lists and sets)
        private void ReadItems(List<object?> items, byte close, int open)
        {
            while (true)
            {
                SkipBlank();
                if (_pos >= _in.Length) throw Error($"unbalanced '{(char)_in[open]}': input ends before '{(char)close}'", open);
                if (TryTake(close)) return;
                items.Add(ReadValue());
                SkipBlank();
                if (TryTake(close)) return;
                if (_pos >= _in.Length) throw Error($"unbalanced '{(char)_in[open]}': input ends before '{(char)close}'", open);
                if (!TryTake((byte)',')) throw Error($"expected ',' or '{(char)close}'");
            }
        }

        // dict_or_set := '{' '}' | '{' key ':' value (',' key ':' value)* [','] '}' | '{' value (',' value)* [','] '}'
        // Decided by peeking after the first value: ':' means dict. A {'__class__':'float','value':...} dict is a float.
        private object ReadDictOrSet()
        {
            Enter();
            int open = _pos++;
            SkipBlank();
            if (TryTake((byte)'}')) { _depth--; return new Dictionary<object, object?>(PyComparer.Instance); }
            int keyStart = _pos;
            var first = ReadValue();
            SkipBlank();
            object result = _pos < _in.Length && _in[_pos] == ':'
                ? ReadDictRest(first, keyStart, open)
                : ReadSetRest(first, keyStart, open);
            _depth--;
            return result;
        }

        private object ReadDictRest(object? firstKey, int keyStart, int open)
        {
            var dict = new Dictionary<object, object?>(PyComparer.Instance);
            object? key = firstKey;
            while (true)
            {
                var hashable = Hashable(key, keyStart);
                Expect((byte)':');
                dict[hashable] = ReadValue();
                SkipBlank();
                if (TryTake((byte)'}')) break;
                if (!TryTake((byte)',')) throw Error(_pos >= _in.Length ? "unbalanced '{': input ends before '}'" : "expected ',' or '}' in dict", _pos >= _in.Length ? open : _pos);
                SkipBlank();
                if (TryTake((byte)'}')) break;
                keyStart = _pos;
                key = ReadValue();
            }
            return SerpentValueRules.FloatFromClassDict(dict) ?? (object)dict;
        }

        private HashSet<object> ReadSetRest(object? first, int firstStart, int open)
        {
            var set = new HashSet<object>(PyComparer.Instance) { Hashable(first, firstStart) };
            while (true)
            {
                SkipBlank();
                if (TryTake((byte)'}')) return set;
                if (!TryTake((byte)',')) throw Error(_pos >= _in.Length ? "unbalanced '{': input ends before '}'" : "expected ',' or '}' in set", _pos >= _in.Length ? open : _pos);
                SkipBlank();
                if (TryTake((byte)'}')) return set;
                int start = _pos;
                set.Add(Hashable(ReadValue(), start));
            }
        }

        // Python refuses unhashable keys (lists, dicts, sets); None is hashable in Python but has no .NET key form.
        private readonly object Hashable(object? key, int at) => key switch
        {
            null => throw Error("None cannot be a dict key or set member here", at),
            _ when !SerpentValueRules.IsHashable(key) => throw Error("unhashable dict key or set member", at),
            _ => key,
        };

        // The depth limit is checked before recursing; the stack probe also covers very large configured limits.
        private void Enter()
        {
            if (++_depth > maxDepth) throw Error($"nesting deeper than {maxDepth} levels");
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Error("nesting too deep for the stack");
        }

        // blank := (' ' | '\t' | '\r' | '\n' | '\f' | '\\' '\n' | '#' <to end of line>)*
        private void SkipBlank()
        {
            while (_pos < _in.Length)
            {
                byte c = _in[_pos];
                if (c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f') _pos++;
                else if (c == '#') { int nl = _in[_pos..].IndexOf((byte)'\n'); _pos = nl < 0 ? _in.Length : _pos + nl + 1; }
                else if (c == '\\' && _pos + 1 < _in.Length && _in[_pos + 1] == '\n') _pos += 2;
                else return;
            }
        }

        private bool TryTake(byte c)
        {
            if (_pos < _in.Length && _in[_pos] == c) { _pos++; return true; }
            return false;
        }

        private void Expect(byte c)
        {
            SkipBlank();
            if (!TryTake(c)) throw Error(_pos >= _in.Length ? $"unexpected end of input, expected '{(char)c}'" : $"expected '{(char)c}'");
        }

        private static bool IsNameByte(byte c) => c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_' or (>= (byte)'0' and <= (byte)'9');

        private readonly SerpentException Error(string message) => new(message, _in, _pos);
        private readonly SerpentException Error(string message, int at) => new(message, _in, at);
    }
}
