using System.Buffers;
using System.Net;

namespace Agenda.Rmi.Daemon;

/// <summary>
/// Watches a daemon's connections (the wire capture implements it). Each connection calls its watch from its own loop,
/// so a watch needs no locking of its own, but the observer is shared by every connection and must be thread-safe.
/// </summary>
public interface IPyroConnectionObserver
{
    IPyroConnectionWatch Open(string listener, EndPoint? client, EndPoint? server);
}

/// <summary>One connection's events, in the order they happen. Bytes are handed over only while <see cref="WantsBytes"/>.</summary>
public interface IPyroConnectionWatch
{
    /// <summary>False lets the connection skip copying messages, so watching costs nothing while nobody records.</summary>
    bool WantsBytes { get; }

    /// <summary>A message as it crossed the socket; <paramref name="fromClient"/> tells the direction.</summary>
    void Message(bool fromClient, in ReadOnlySequence<byte> bytes);

    /// <summary>A message's length, for the watch to count when it does not want the bytes.</summary>
    void Skipped(bool fromClient, long length);

    void Called(string objectId, string method);

    /// <summary>A refusal or protocol error, with the doctor's one-line diagnosis.</summary>
    void Problem(PyroProblem problem, string diagnosis);

    void Closed(bool byClient, string reason);
}

/// <summary>The watch of a daemon nobody observes.</summary>
internal sealed class UnwatchedConnection : IPyroConnectionWatch
{
    public static readonly UnwatchedConnection Instance = new();
    public bool WantsBytes => false;
    public void Message(bool fromClient, in ReadOnlySequence<byte> bytes) { }
    public void Skipped(bool fromClient, long length) { }
    public void Called(string objectId, string method) { }
    public void Problem(PyroProblem problem, string diagnosis) { }
    public void Closed(bool byClient, string reason) { }
}
