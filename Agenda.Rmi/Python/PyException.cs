namespace Agenda.Rmi.Python;

/// <summary>
/// An error raised to the Python caller as a given class. The daemon turns it into Pyro4's exception dict
/// (<c>__class__</c>, <c>__exception__</c>, <c>args</c>, <c>attributes._pyroTraceback</c>), which the client rebuilds and raises.
/// Class names must be ones a stock client can rebuild: <c>builtins.X</c> or <c>Pyro4.errors.X</c> (protocol §4.2).
/// </summary>
public sealed class PyException : Exception
{
    public PyException(string pythonClass, string message, params object?[] args) : base(message)
    {
        PythonClass = pythonClass;
        Args = args.Length == 0 ? [message] : args;
    }

    /// <summary>Fully qualified Python class, e.g. <c>builtins.KeyError</c>.</summary>
    public string PythonClass { get; }

    /// <summary>The constructor arguments the client calls the class with; by default just the message.</summary>
    public IReadOnlyList<object?> Args { get; }

    public static PyException KeyError(string message) => new("builtins.KeyError", message);
    public static PyException ValueError(string message) => new("builtins.ValueError", message);
    public static PyException TypeError(string message) => new("builtins.TypeError", message);
    public static PyException AttributeError(string message) => new("builtins.AttributeError", message);
    public static PyException RuntimeError(string message) => new("builtins.RuntimeError", message);
    public static PyException PyroError(string message) => new("Pyro4.errors.PyroError", message);
    public static PyException NamingError(string message) => new("Pyro4.errors.NamingError", message);
    public static PyException DaemonError(string message) => new("Pyro4.errors.DaemonError", message);
    public static PyException SerializeError(string message) => new("Pyro4.errors.SerializeError", message);
}
