using System.Diagnostics;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serialization;

/// <summary>
/// Exceptions as Pyro4 exception dicts (§4.1): <c>{'__class__', '__exception__': True, 'args', 'attributes': {'_pyroTraceback': [lines]}}</c>.
/// Only class names a stock Python client can rebuild are used (§4.2), so the client raises the intended type.
/// </summary>
public static class PyroErrors
{
    public const string BatchWrapperClass = "Pyro4.futures._ExceptionWrapper";

    public static Dictionary<object, object?> ToDict(Exception exception)
    {
        var (pythonClass, args) = Classify(exception);
        return new Dictionary<object, object?>
        {
            ["__class__"] = pythonClass,
            ["__exception__"] = true,
            ["args"] = new PyTuple([.. args]),
            ["attributes"] = new Dictionary<object, object?> { ["_pyroTraceback"] = Traceback(exception, pythonClass) },
        };
    }

    /// <summary>The batch reply's stand-in for a failed call (§3.6).</summary>
    public static Dictionary<object, object?> BatchWrapper(Exception exception) =>
        new() { ["__class__"] = BatchWrapperClass, ["exception"] = ToDict(exception) };

    // .NET → Python classes per §4.5; anything unplanned is a plain Exception naming the .NET type.
    private static (string PythonClass, IReadOnlyList<object?> Args) Classify(Exception exception) => exception switch
    {
        PyException py => (py.PythonClass, py.Args),
        KeyNotFoundException e => ("builtins.KeyError", [e.Message]),
        ArgumentException e => ("builtins.ValueError", [e.Message]),
        FormatException e => ("builtins.ValueError", [e.Message]),
        NotImplementedException or NotSupportedException => ("builtins.NotImplementedError", [exception.Message]),
        TimeoutException e => ("builtins.TimeoutError", [e.Message]),
        OperationCanceledException e => ("builtins.TimeoutError", [e.Message]),
        MissingMemberException e => ("builtins.AttributeError", [e.Message]),
        IOException e => ("builtins.OSError", [e.Message]),
        InvalidOperationException e => ("builtins.RuntimeError", [e.Message]),
        _ => ("builtins.Exception", [$"{exception.GetType().FullName}: {exception.Message}"]),
    };

    // Python prints these lines verbatim as the "remote traceback"; a list, never one string (§4.1).
    private static List<object?> Traceback(Exception exception, string pythonClass)
    {
        var lines = new List<object?> { "Traceback (most recent call last):\n" };
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is { } method) lines.Add($"  File \"<.NET>\", in {FrameName(method)}\n");
        }
        var shortClass = pythonClass[(pythonClass.LastIndexOf('.') + 1)..];
        lines.Add($"{shortClass}: {exception.Message}\n");
        return lines;
    }

    // Async methods run as compiler-made state machines ("<InvokeAsync>d__21.MoveNext"); show the method as written.
    private static string FrameName(System.Reflection.MethodBase method)
    {
        var type = method.DeclaringType;
        if (type?.Name.StartsWith('<') == true && type.DeclaringType is { } owner)
            return $"{owner.FullName}.{type.Name[1..type.Name.IndexOf('>')]}";
        return $"{type?.FullName}.{method.Name}";
    }
}
