using System.Collections;
using System.Numerics;

namespace Agenda.Rmi.Python;

/// <summary>Python semantics over the serpent value model: type names for TypeError messages, and truthiness.</summary>
public static class PythonTypes
{
    /// <summary>Python's <c>bool(value)</c>: None, zero and empty str/bytes/tuple/list/dict/set are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        BigInteger b => !b.IsZero,
        Complex c => c != Complex.Zero,
        string s => s.Length > 0,
        byte[] bytes => bytes.Length > 0,
        ICollection c => c.Count > 0,
        IEnumerable e => e.GetEnumerator().MoveNext(), // PyTuple, HashSet<object>: not non-generic ICollections
        _ => true,
    };

    public static string NameOf(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        int or long or BigInteger => "int",
        double or float => "float",
        Complex => "complex",
        string => "str",
        byte[] => "bytes",
        PyTuple => "tuple",
        IDictionary or IReadOnlyDictionary<object, object?> => "dict",
        ISet<object> => "set",
        IList => "list",
        _ => value.GetType().Name,
    };
}
