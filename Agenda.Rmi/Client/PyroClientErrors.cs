using System.Collections;

namespace Agenda.Rmi.Client;

/// <summary>
/// The remote method raised: the Python exception as the Pyro4 exception dict described it. The message reads like
/// Python's (<c>builtins.KeyError: 42</c>); the connection stays usable.
/// </summary>
public sealed class PyroRemoteException(string pythonClass, IReadOnlyList<object?> args, IReadOnlyList<string> remoteTraceback)
    : Exception($"{pythonClass}: {(args.Count > 0 ? args[0] : "")}")
{
    /// <summary>e.g. <c>builtins.KeyError</c> or <c>Pyro4.errors.NamingError</c>.</summary>
    public string PythonClass { get; } = pythonClass;
    /// <summary>The exception's <c>args</c>; for Agenda's objects the first is the message.</summary>
    public IReadOnlyList<object?> PythonArgs { get; } = args;

    /// <summary>The server-side traceback lines, when the daemon sent them (empty otherwise).</summary>
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

/// <summary>
/// The connection was refused (nothing listening, or the daemon answered CONNECTFAIL), was lost, or broke the protocol;
/// Pyro4 calls this a CommunicationError. The socket or framing error, when there is one, is the inner exception.
/// </summary>
public sealed class PyroCommunicationException(string message, Exception? innerException = null) : Exception(message, innerException);
