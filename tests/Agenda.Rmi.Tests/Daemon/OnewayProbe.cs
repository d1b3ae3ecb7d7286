using Agenda.Rmi.Daemon;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>
/// A remote object whose oneway <c>hold</c> calls wait at a gate the test opens, counting how many run at once, and
/// whose oneway <c>explode</c> throws. Kept apart from <see cref="TestObject"/>, whose oneway table clients check.
/// </summary>
internal sealed class OnewayProbe : IRemoteObject
{
    public const string ObjectId = "oneway.probe";

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private int _mostAtOnce;
    private int _finished;

    public OnewayProbe() => Methods = RemoteTable.Of(
        new RemoteMethod("hold", [], HoldAsync, Oneway: true),
        new RemoteMethod("explode", [], (_, _) => throw new InvalidOperationException("boom"), Oneway: true),
        new RemoteMethod("echo", [PyParameter.Required("value")], (a, _) => ValueTask.FromResult(a["value"])));

    public string TypeName => "OnewayProbe";
    public IReadOnlyDictionary<string, RemoteMethod> Methods { get; }
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    public int Running => Volatile.Read(ref _running);
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
    public int Finished => Volatile.Read(ref _finished);

    public void OpenGate() => _gate.TrySetResult();

    private async ValueTask<object?> HoldAsync(PyArguments arguments, RemoteCallContext context)
    {
        var running = Interlocked.Increment(ref _running);
        for (var most = MostAtOnce; running > most; most = MostAtOnce)
            Interlocked.CompareExchange(ref _mostAtOnce, running, most);
        try { await _gate.Task; }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _finished);
        }
        return null;
    }
}
