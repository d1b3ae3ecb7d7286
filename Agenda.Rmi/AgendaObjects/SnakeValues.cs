using System.Collections;
using Agenda.Core.Contacts;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// Reads the values of an agenda.contacts dict as Python types, raising at the first mistake as Python code would: a
/// wrong type is a TypeError naming the value's path (<c>phones[1] must be a dict, not str</c>), a str that is not a date
/// a ValueError. None is empty everywhere: "", False, no date, no entries.
/// </summary>
internal static class SnakeValues
{
    public static string Text(object? value, string path) => value switch
    {
        null => "",
        string s => s,
        _ => throw WrongType(path, "a str or None", value),
    };

    public static bool Flag(object? value, string path) => value switch
    {
        null => false,
        bool b => b,
        _ => throw WrongType(path, "a bool or None", value),
    };

    /// <summary>A birthday or anniversary: '1990-05-17' or '--05-17' ('' and None are no date).</summary>
    public static PartialDate? Date(object? value, string path) => Text(value, path) switch
    {
        "" => null,
        var text when PartialDate.TryParse(text, out var date) => date,
        var text => throw PyException.ValueError($"invalid contact: {path}: must be a date like 1990-05-17 or --05-17, not '{text}'"),
    };

    /// <summary>A list (or tuple) of str, such as groups.</summary>
    public static IReadOnlyList<string> Texts(object? value, string path) =>
        Items(value, path, (item, itemPath) => item is string s ? s : throw WrongType(itemPath, "a str", item));

    /// <summary>A list of dicts with the given keys, each read by <paramref name="read"/>; other keys raise TypeError.</summary>
    public static IReadOnlyList<T> Entries<T>(object? value, string path, string[] keys, Func<SnakeEntry, T> read) =>
        Items(value, path, (item, itemPath) =>
        {
            if (item is not IDictionary entry) throw WrongType(itemPath, "a dict", item);
            foreach (var key in entry.Keys)
                if (key is not string name || !keys.Contains(name))
                    throw PyException.TypeError($"{itemPath} has unexpected field '{key}'; expected {string.Join(", ", keys)}");
            return read(new SnakeEntry(entry, itemPath));
        });

    public static PyException WrongType(string path, string expected, object? value) =>
        PyException.TypeError($"{path} must be {expected}, not {PythonTypes.NameOf(value)}");

    private static List<T> Items<T>(object? value, string path, Func<object?, string, T> read)
    {
        if (value is null) return [];
        if (value is not (IList or PyTuple)) throw WrongType(path, "a list or None", value);
        return [.. ((IEnumerable)value).Cast<object?>().Select((item, i) => read(item, $"{path}[{i}]"))];
    }
}

/// <summary>One dict in a list (a phone, an address): its values read by key, with the entry's path.</summary>
internal readonly record struct SnakeEntry(IDictionary Entry, string Path)
{
    public string Text(string key) => SnakeValues.Text(Entry.Contains(key) ? Entry[key] : null, $"{Path}.{key}");
    public bool Flag(string key) => SnakeValues.Flag(Entry.Contains(key) ? Entry[key] : null, $"{Path}.{key}");
}
