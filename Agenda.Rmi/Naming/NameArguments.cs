using System.Collections;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Naming;

/// <summary>
/// Reads the name server's arguments the way Pyro4's <c>naming.py</c> does (truthiness, "is it a str", "is it
/// iterable"), raising the same TypeErrors so a Python caller sees what the reference name server would say.
/// </summary>
internal static class NameArguments
{
    public static string RequireName(object? name) =>
        name as string ?? throw PyException.TypeError("name must be a str");

    /// <summary>
    /// A tag collection as Pyro takes it: a str is refused, a falsy value means "no tags", anything else must be
    /// iterable (set, list, tuple, dict keys). Tags must be strings here: the registry's contract is string tags.
    /// </summary>
    public static IReadOnlySet<string> ToTags(object? value, string parameter)
    {
        if (value is string)
            throw PyException.TypeError($"{parameter} should not be a str, but another iterable (set, list, etc)");
        if (!PythonTypes.IsTruthy(value)) return new HashSet<string>(StringComparer.Ordinal);
        IEnumerable items = value switch
        {
            IDictionary dict => dict.Keys,
            IEnumerable enumerable and not byte[] => enumerable,
            _ => throw PyException.TypeError($"'{PythonTypes.NameOf(value)}' object is not iterable"),
        };
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
            tags.Add(item as string ?? throw PyException.TypeError(
                $"{parameter} items must be str, not {PythonTypes.NameOf(item)}"));
        return tags;
    }

    /// <summary>
    /// A lookup key. Python's NS does <c>storage[name]</c> then <c>"unknown name: " + name</c>, so a non-str name fails
    /// with the TypeError of whichever step trips first.
    /// </summary>
    public static string RequireLookupName(object? name) =>
        RejectUnhashable(name) as string
        ?? throw PyException.TypeError($"can only concatenate str (not \"{PythonTypes.NameOf(name)}\") to str");

    /// <summary>Python refuses mutable containers as dict keys before it even looks.</summary>
    public static object? RejectUnhashable(object? key) => key is (IList and not byte[]) or IDictionary or ISet<object>
        ? throw PyException.TypeError($"unhashable type: '{PythonTypes.NameOf(key)}'")
        : key;

    /// <summary>What <c>str.startswith</c> accepts: a prefix string or a tuple of them.</summary>
    public static IReadOnlyList<string> Prefixes(object? prefix) => prefix switch
    {
        string p => [p],
        PyTuple t when t.All(p => p is string) => [.. t.Cast<string>()],
        _ => throw PyException.TypeError($"startswith first arg must be str or a tuple of str, not {PythonTypes.NameOf(prefix)}"),
    };

    /// <summary>A URI argument: a string (validated, then kept as given, as Pyro stores it) or a URI class dict (normalised).</summary>
    public static string ToUriString(object? uri)
    {
        if (uri is string text)
        {
            _ = PyroUri.Parse(text);
            return text;
        }
        if (PyroUri.IsClassDict(uri)) return PyroUri.FromClassDict(uri).ToString();
        throw PyException.TypeError("only URIs or strings can be registered");
    }
}
