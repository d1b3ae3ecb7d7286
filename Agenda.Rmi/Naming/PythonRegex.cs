using System.Text.RegularExpressions;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Naming;

/// <summary>
/// The name server's <c>regex</c> filter with Python's <c>re.match</c> meaning: anchored at the start only.
/// Python-only syntax is translated (<c>(?P&lt;n&gt;</c>, <c>(?P=n)</c>, <c>\Z</c>); compile errors become
/// <c>NamingError('invalid regex: ...')</c>, worded like Python's <c>re.error</c> for the common mistakes.
/// </summary>
internal static partial class PythonRegex
{
    // Patterns come from the network: bound the work one name may cost, so a pathological pattern cannot pin a core.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Func<string, bool> Compile(object? pattern)
    {
        if (pattern is not string text) throw PyException.TypeError("first argument must be string or compiled pattern");
        Regex regex;
        try
        {
            regex = new Regex(Translate(text), RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (RegexParseException error)
        {
            throw PyException.NamingError("invalid regex: " + PythonMessage(text, error));
        }
        // Leftmost-first search: if any match starts at 0 it is the one found, which is exactly re.match.
        return name =>
        {
            try { return regex.Match(name) is { Success: true, Index: 0 }; }
            catch (RegexMatchTimeoutException) { throw PyException.NamingError("invalid regex: pattern too expensive"); }
        };
    }

    // Python spellings .NET lacks: (?P<name>...) → (?<name>...), (?P=name) → \k<name>, \Z (true end) → \z.
    private static string Translate(string pattern)
    {
        var translated = PythonNamedGroup().Replace(pattern, "$1(?<");
        translated = PythonBackReference().Replace(translated, "$1\\k<$2>");
        return PythonEndAnchor().Replace(translated, "$1\\z");
    }

    private static string PythonMessage(string pattern, RegexParseException error) => error.Error switch
    {
        RegexParseError.InsufficientClosingParentheses =>
            $"missing ), unterminated subpattern at position {UnclosedParenthesis(pattern)}",
        RegexParseError.InsufficientOpeningParentheses => $"unbalanced parenthesis at position {error.Offset - 1}",
        RegexParseError.UnterminatedBracket => $"unterminated character set at position {pattern.LastIndexOf('[')}",
        RegexParseError.QuantifierAfterNothing => $"nothing to repeat at position {error.Offset - 1}",
        RegexParseError.NestedQuantifiersNotParenthesized => $"multiple repeat at position {error.Offset - 1}",
        RegexParseError.UnescapedEndingBackslash => $"bad escape (end of pattern) at position {pattern.Length - 1}",
        RegexParseError.ReversedQuantifierRange => $"min repeat greater than max repeat at position {pattern.LastIndexOf('{') + 1}",
        _ => error.Message,
    };

    // Python reports the position of the innermost '(' left open; escapes and character classes are skipped.
    private static int UnclosedParenthesis(string pattern)
    {
        var open = new Stack<int>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\': i++; break;
                case '[': i = SkipClass(pattern, i); break;
                case '(': open.Push(i); break;
                case ')' when open.Count > 0: open.Pop(); break;
            }
        }
        return open.Count > 0 ? open.Peek() : 0;
    }

    private static int SkipClass(string pattern, int start)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '^') i++;
        if (i < pattern.Length && pattern[i] == ']') i++;
        for (; i < pattern.Length && pattern[i] != ']'; i++)
            if (pattern[i] == '\\') i++;
        return i;
    }

    // Each rule only fires after an even run of backslashes, i.e. on real syntax, not on an escaped character.
    [GeneratedRegex(@"((?:^|[^\\])(?:\\\\)*)\(\?P<")]
    private static partial Regex PythonNamedGroup();

    [GeneratedRegex(@"((?:^|[^\\])(?:\\\\)*)\(\?P=(\w+)\)")]
    private static partial Regex PythonBackReference();

    [GeneratedRegex(@"((?:^|[^\\])(?:\\\\)*)\\Z")]
    private static partial Regex PythonEndAnchor();
}
