using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.AgendaObjects;

/// <summary>Calls a remote object's method table the way the daemon does: Python-style binding, then the handler.</summary>
internal static class RemoteCalls
{
    public static async Task<object?> Call(this IRemoteObject target, string method, object?[] positional, params (string, object?)[] keywords)
    {
        var m = target.Methods[method];
        var args = PyArguments.Bind(target.TypeName, m, positional, keywords.Select(k => new KeyValuePair<object, object?>(k.Item1, k.Item2)));
        var result = await m.Handler(args, RemoteCallContext.None);
        // A streamed listing is read whole here, as the daemon writes it: a list of its items.
        return result is PyListStream stream ? await stream.ToListAsync() : result;
    }

    public static async Task<PyException> Raises(string pythonClass, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<PyException>(call);
        Assert.Equal(pythonClass, error.PythonClass);
        return error;
    }
}
