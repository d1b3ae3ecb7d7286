using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Daemon;

/// <summary>The daemon's answer to a CONNECT (<see cref="PyroHandshake"/>), written in <see cref="Serializer"/>.</summary>
internal abstract record PyroHandshakeResult(IPyroSerializer Serializer)
{
    /// <summary>CONNECTOK. <see cref="Reply"/> is <c>"hello"</c>, or with <see cref="PyroFlags.MetaOnConnect"/> the dict
    /// <c>{handshake, meta}</c> carrying the object's methods, oneway and attrs.</summary>
    public sealed record Accepted(IPyroSerializer Serializer, object Reply, PyroFlags Flags) : PyroHandshakeResult(Serializer);

    /// <summary>
    /// CONNECTFAIL. The Python user reads <see cref="Reason"/> as "connection to ... rejected: reason"; <see cref="Problem"/>
    /// (and the object asked for, when that was the problem) lets the connection doctor say what to do about it.
    /// </summary>
    public sealed record Refused(IPyroSerializer Serializer, string Reason, PyroProblem Problem, string? ObjectId = null)
        : PyroHandshakeResult(Serializer);
}
