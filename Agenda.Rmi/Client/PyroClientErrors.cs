using System.Collections;

namespace Agenda.Rmi.Client;

/// <summary>An exception raised by the remote method, as the Pyro4 exception dict described it.</summary>
public sealed class PyroRemoteException(string pythonClass, IReadOnlyList<object?> args, IReadOnlyList<string> remoteTraceback)
    : Exception($"{pythonClass}: {(args.Count > 0 ? args[0] : "")}")
{
    /// <summary>e.g. <c>builtins.KeyError</c> or <c>Pyro4.errors.NamingError</c>.</summary>
    public string PythonClass { get; } = pythonClass;
    public IReadOnlyList<object?> PythonArgs { get; } = args;
    public IReadOnlyList<string> RemoteTraceback { get; } = remoteTraceback;

    internal static bool TryFrom(object? value, out PyroRemoteException exception)
    {
        exception = null!;
        if (value is not IDictionary dict || dict["__class__"] is not string pythonClass) return false;
        if (pythonClass == Serialization.PyroErrors.BatchWrapperClass) return TryFrom(dict["exception"], out exception);
        var args = dict["args"] is IEnumerable a ? a.Cast<object?>().ToList() : [];
        var traceback = dict["attributes"] is IDictionary attributes && attributes["_pyroTraceback"] is IEnumerable lines
            ? lines.Cast<object?>().Select(l => l?.ToString() ?? "").ToList()
            : [];
        exception = new PyroRemoteException(pythonClass, args, traceback);
        return true;
    }
}

/// <summary>The daemon refused the connection (CONNECTFAIL) or broke the protocol; Pyro4 calls this a CommunicationError.</summary>
public sealed class PyroCommunicationException(string message) : Exception(message);
