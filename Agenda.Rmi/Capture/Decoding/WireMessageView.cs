using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Capture.Decoding;

/// <summary>One annotation chunk: its 4-letter key and where its value sits in the message bytes.</summary>
public sealed record WireAnnotation(string Key, int Offset, int Length);

/// <summary>An INVOKE's target and arguments, each argument as a Python literal.</summary>
public sealed record WireCall(string Object, string Method, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Kwargs, bool Oneway);

/// <summary>An exception RESULT: the Python class the client raises, its message and the remote traceback lines.</summary>
public sealed record WireError(string PythonClass, string Message, string Traceback);

/// <summary>
/// A captured message explained: the header fields, the annotation chunks, the payload decoded (inflated first when
/// compressed), what it means (<see cref="Summary"/> as in Wireshark's Info column, <see cref="Narration"/> in plain
/// words). <see cref="Header"/> is null when fewer than 24 bytes came; <see cref="Note"/> says what could not be decoded.
/// </summary>
public sealed record WireMessageView(
    WireMessageRecord Record,
    PyroHeader? Header,
    IReadOnlyList<WireAnnotation> Annotations,
    int PayloadOffset,
    int? InflatedLength,
    string SerializerName,
    string? PayloadText,
    WireCall? Call,
    string? ResultText,
    WireError? Error,
    string Summary,
    string Narration,
    string? Note)
{
    /// <summary>The message type as Pyro names it (CONNECT, CONNECTOK, INVOKE, ...), or "?" when there is no Pyro header.</summary>
    public string TypeName => Header is { } h && h.HasPyroTag ? WireNames.Type(h.Type) : "?";
}
