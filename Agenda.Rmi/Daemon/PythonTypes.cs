using System.Collections;
using System.Numerics;
using Agenda.Rmi.Serpent;

namespace Agenda.Rmi.Daemon;

/// <summary>Python's name for the type a value of the serpent value model stands for, for TypeError messages.</summary>
public static class PythonTypes
{
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
