using System.Collections;
using System.Numerics;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// A call's arguments after Python-style binding (<see cref="Bind"/>): one value per declared parameter.
/// The typed getters raise <c>TypeError</c> in the caller's terms ("id must be an int, not str").
/// </summary>
public sealed class PyArguments
{
    private readonly RemoteMethod _method;
    private readonly object?[] _values;

    private PyArguments(RemoteMethod method, object?[] values) => (_method, _values) = (method, values);

    public object? this[string name] => _values[IndexOf(name)];

    public string GetString(string name) =>
        this[name] as string ?? throw WrongType(name, "a str");

    public string? GetOptionalString(string name) =>
        this[name] is null ? null : GetString(name);

    /// <summary>A Python int that fits in 64 bits (<see cref="PyInt.ToInt64"/>: bool and out-of-range ints are refused).</summary>
    public long GetInt64(string name) => PyInt.ToInt64(this[name], name);

    public long? GetOptionalInt64(string name) => this[name] is null ? null : GetInt64(name);

    /// <summary>Python truthiness, as Pyro4's own flags (<c>safe</c>, <c>return_metadata</c>) are read.</summary>
    public bool IsTrue(string name) => PythonTypes.IsTruthy(this[name]);

    public IReadOnlyDictionary<object, object?> GetDict(string name) => this[name] switch
    {
        IReadOnlyDictionary<object, object?> d => d,
        IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k, k => d[k], PyComparer.Instance),
        _ => throw WrongType(name, "a dict"),
    };

    private PyException WrongType(string name, string expected) =>
        PyException.TypeError($"{name} must be {expected}, not {PythonTypes.NameOf(this[name])}");

    private int IndexOf(string name)
    {
        for (var i = 0; i < _method.Parameters.Count; i++)
            if (_method.Parameters[i].Name == name) return i;
        throw new ArgumentException($"{_method.Name} has no parameter '{name}'", nameof(name));
    }

    /// <summary>
    /// Binds like a Python call: positional values fill parameters in order, then keywords by name, then defaults.
    /// Every mismatch is the <c>TypeError</c> CPython would raise, with its wording, counting <c>self</c> as Python does.
    /// </summary>
    public static PyArguments Bind(string typeName, RemoteMethod method, IReadOnlyList<object?> positional,
        IEnumerable<KeyValuePair<object, object?>>? keywords)
    {
        var parameters = method.Parameters;
        // Built only for an error: binding is on every call's path.
        string Qualified() => $"{typeName}.{method.Name}()";
        if (positional.Count > parameters.Count) throw TooManyPositional(Qualified(), parameters, positional.Count);

        var values = new object?[parameters.Count];
        Span<bool> bound = stackalloc bool[parameters.Count];
        for (var i = 0; i < positional.Count; i++) (values[i], bound[i]) = (positional[i], true);

        if (keywords is not IReadOnlyCollection<KeyValuePair<object, object?>> { Count: 0 })
            foreach (var (key, value) in keywords ?? [])
            {
                if (key is not string name) throw PyException.TypeError($"{Qualified()} keywords must be strings");
                var index = FindParameter(parameters, name);
                if (index < 0) throw PyException.TypeError($"{Qualified()} got an unexpected keyword argument '{name}'");
                if (bound[index]) throw PyException.TypeError($"{Qualified()} got multiple values for argument '{name}'");
                (values[index], bound[index]) = (value, true);
            }

        List<string>? missing = null;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (bound[i]) continue;
            if (parameters[i].IsRequired) (missing ??= []).Add($"'{parameters[i].Name}'");
            else values[i] = parameters[i].Default;
        }
        if (missing is not null)
            throw PyException.TypeError(
                $"{Qualified()} missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {JoinPython(missing)}");
        return new PyArguments(method, values);
    }

    private static int FindParameter(IReadOnlyList<PyParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
            if (parameters[i].Name == name) return i;
        return -1;
    }

    // CPython counts self: "takes 2 positional arguments but 3 were given", "takes from 2 to 3 ...".
    private static PyException TooManyPositional(string qualified, IReadOnlyList<PyParameter> parameters, int given)
    {
        var max = parameters.Count + 1;
        var min = parameters.Count(p => p.IsRequired) + 1;
        var takes = min == max ? $"{max} positional argument{(max == 1 ? "" : "s")}" : $"from {min} to {max} positional arguments";
        return PyException.TypeError($"{qualified} takes {takes} but {given + 1} {(given + 1 == 1 ? "was" : "were")} given");
    }

    // Python lists missing names as 'a', 'a' and 'b', or 'a', 'b', and 'c'.
    private static string JoinPython(List<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        _ => string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1],
    };
}
