using System.Collections.Concurrent;
using Agenda.Rmi.Daemon;
using Microsoft.Extensions.Logging;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Keeps what the daemon's connections log, for tests that assert a failure was reported.</summary>
internal sealed class RecordingLogger : ILogger<PyroConnectionHandler>
{
    public sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
}
