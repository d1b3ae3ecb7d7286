using System.Collections.Concurrent;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>A small remote object for driving the daemon: echo, binding, each error class, oneway and attributes.</summary>
internal sealed class TestObject : IRemoteObject
{
    private object? _counter = 0L;

    public string TypeName => "TestObject";

    /// <summary>Values received by the oneway <c>record</c> method, in arrival order.</summary>
    public ConcurrentQueue<object?> Recorded { get; } = new();

    /// <summary>Released once per value recorded, so a test can wait for a oneway call to have run.</summary>
    public SemaphoreSlim RecordedSignal { get; } = new(0);

    public IReadOnlyDictionary<string, RemoteMethod> Methods { get; }
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes { get; }

    public TestObject()
    {
        Methods = RemoteTable.Of(
            new RemoteMethod("echo", [PyParameter.Required("value")], (a, _) => Done(a["value"])),
            new RemoteMethod("add", [PyParameter.Required("a"), PyParameter.Optional("b", 10L)],
                (a, _) => Done(a.GetInt64("a") + a.GetInt64("b"))),
            new RemoteMethod("text", [PyParameter.Required("size")], (a, _) => Done(new string('x', (int)a.GetInt64("size")))),
            new RemoteMethod("fail", [PyParameter.Required("kind")], (a, _) => throw Failure(a.GetString("kind"))),
            new RemoteMethod("record", [PyParameter.Required("value")], (a, _) => { Recorded.Enqueue(a["value"]); RecordedSignal.Release(); return Done(null); }, Oneway: true),
            new RemoteMethod("recorded", [], (_, _) => Done(Recorded.ToList())),
            new RemoteMethod("_secret", [], (_, _) => Done("never")));
        Attributes = RemoteTable.Of(
            new RemoteAttribute("counter", () => _counter, value => _counter = value),
            new RemoteAttribute("label", () => "test object"));
    }

    private static ValueTask<object?> Done(object? value) => ValueTask.FromResult(value);

    private static Exception Failure(string kind) => kind switch
    {
        "key" => new KeyNotFoundException("no such key: 42"),
        "value" => new ArgumentException("bad value"),
        "naming" => PyException.NamingError("unknown name: nope"),
        "runtime" => new InvalidOperationException("wrong state"),
        "notimpl" => new NotImplementedException("later"),
        "other" => new DivideByZeroException("oops"),
        _ => PyException.TypeError($"unknown failure kind '{kind}'"),
    };
}
