using System.Numerics;

namespace Agenda.Rmi.Python;

/// <summary>Reading a Python int as a C# <see cref="long"/>, with the TypeError/ValueError a Python caller expects.</summary>
public static class PyInt
{
    /// <summary>
    /// A Python int that fits in 64 bits (serpent gives <see cref="long"/>, or <see cref="BigInteger"/> beyond 64 bits).
    /// bool is refused although Python would take it, because True as an id is a bug.
    /// </summary>
    public static long ToInt64(object? value, string name) => value switch
    {
        long l => l,
        int i => i,
        BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        BigInteger => throw PyException.ValueError($"{name} is out of range"),
        _ => throw PyException.TypeError($"{name} must be an int, not {PythonTypes.NameOf(value)}"),
    };
}
