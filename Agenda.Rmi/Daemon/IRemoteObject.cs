namespace Agenda.Rmi.Daemon;

/// <summary>
/// An object a Pyro daemon serves. Its tables are its whole remote surface: the daemon dispatches INVOKEs through
/// <see cref="Methods"/> and builds the handshake metadata (<c>methods</c>, <c>oneway</c>, <c>attrs</c>) from the same tables,
/// so what a Python proxy believes it can call and what the daemon will run never disagree.
/// </summary>
public interface IRemoteObject
{
    /// <summary>The class name Python-style error messages use, e.g. <c>NameServer</c> in <c>NameServer.lookup() missing ...</c>.</summary>
    string TypeName { get; }

    /// <summary>Exposed methods by name (ordinal). Names starting with '_' are never dispatched.</summary>
    IReadOnlyDictionary<string, RemoteMethod> Methods { get; }

    /// <summary>Remote attributes (Pyro's <c>attrs</c>), reached with <c>__getattr__</c> / <c>__setattr__</c>.</summary>
    IReadOnlyDictionary<string, RemoteAttribute> Attributes { get; }
}

/// <summary>Runs one call. Returns the value to send back (serialized by the connection's serializer); throw
/// <see cref="PyException"/> for errors the Python caller should see with a given class.</summary>
public delegate ValueTask<object?> RemoteHandler(PyArguments args, RemoteCallContext context);

/// <summary>One exposed method: its Python-style parameter list (used for binding and error texts) and its handler.</summary>
public sealed record RemoteMethod(string Name, IReadOnlyList<PyParameter> Parameters, RemoteHandler Handler, bool Oneway = false);

/// <summary>A remote attribute. <paramref name="Set"/> null means read-only.</summary>
public sealed record RemoteAttribute(string Name, Func<object?> Get, Action<object?>? Set = null);

/// <summary>What a handler may want to know about the call besides its arguments.</summary>
public sealed record RemoteCallContext(System.Net.EndPoint? Peer, CancellationToken Cancellation)
{
    public static readonly RemoteCallContext None = new(null, CancellationToken.None);
}

/// <summary>A parameter as Python declares it: required, or optional with a default.</summary>
public sealed record PyParameter(string Name, bool IsRequired, object? Default)
{
    public static PyParameter Required(string name) => new(name, true, null);
    public static PyParameter Optional(string name, object? @default = null) => new(name, false, @default);
}

/// <summary>Builds the ordinal name → member tables an <see cref="IRemoteObject"/> exposes.</summary>
public static class RemoteTable
{
    public static IReadOnlyDictionary<string, RemoteMethod> Of(params RemoteMethod[] methods) =>
        methods.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, RemoteAttribute> Of(params RemoteAttribute[] attributes) =>
        attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, RemoteAttribute> NoAttributes =
        new Dictionary<string, RemoteAttribute>(StringComparer.Ordinal);
}
