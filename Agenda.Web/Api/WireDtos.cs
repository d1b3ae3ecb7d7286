using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Decoding;
using Agenda.Rmi.Protocol;

namespace Agenda.Web.Api;

/// <summary>The body of <c>GET /api/wire</c> and of start/stop/clear: whether it records, what it holds, its bounds.</summary>
public sealed record WireStatusDto(bool Recording, int Conversations, int Messages, long HeldBytes, int Diagnoses, WireBoundsDto Bounds)
{
    public static WireStatusDto From(WireCapture capture) => new(capture.IsRecording, capture.Conversations().Count,
        capture.Messages().Count, capture.HeldBytes, capture.Diagnoses().Count, new(capture.Options.MaxMessages, capture.Options.MaxBytes,
            capture.Options.MaxMessageBytes, capture.Options.MaxDiagnoses));
}

/// <summary>The capture's limits (<c>Rmi:Capture</c>): past them the oldest messages and diagnoses go first.</summary>
public sealed record WireBoundsDto(int MaxMessages, long MaxBytes, int MaxMessageBytes, int MaxDiagnoses);

/// <summary>One connection to a Pyro listener. <c>calls</c> are <c>object.method</c> in first-call order.</summary>
public sealed record WireConversationDto(
    long Id, string Listener, string Client, string Server, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    string? ClosedBy, string? CloseReason, IReadOnlyList<string> Calls, int MessageCount, bool Open, string? Diagnosis)
{
    public static WireConversationDto From(WireConversation c) => new(c.Id, c.Listener, c.Client.ToString(), c.Server.ToString(),
        c.OpenedAt, c.ClosedAt, c.ClosedBy?.ToString().ToLowerInvariant(), c.CloseReason, c.Calls, c.MessageCount, c.IsOpen, c.Diagnosis);
}

/// <summary>The body of <c>GET /api/wire/conversations</c>, newest first.</summary>
public sealed record WireConversationListDto(IReadOnlyList<WireConversationDto> Items);

/// <summary>One conversation with a window of its kept messages decoded; <c>total</c> counts all kept messages.</summary>
public sealed record WireConversationDetailDto(WireConversationDto Conversation, int Offset, int Total, IReadOnlyList<WireMessageDto> Messages);

/// <summary>One captured message explained. <c>bytes</c> is what was kept (base64), cut at the per-message bound.</summary>
public sealed record WireMessageDto(
    int Number, DateTimeOffset Time, string Direction, int Length, bool Truncated, string Type, WireHeaderDto? Header,
    IReadOnlyList<WireAnnotation> Annotations, int PayloadOffset, int? InflatedLength, string Serializer, string? PayloadText,
    WireCall? Call, string? Result, WireError? Error, string Summary, string Narration, string? Note, byte[] Bytes)
{
    public static WireMessageDto From(WireMessageView v) => new(v.Record.Number, v.Record.Time,
        v.Record.Direction == WireDirection.FromClient ? "fromClient" : "toClient", v.Record.Length, v.Record.Truncated,
        v.TypeName, v.Header is { } h ? WireHeaderDto.From(h) : null, v.Annotations, v.PayloadOffset, v.InflatedLength,
        v.SerializerName, v.PayloadText, v.Call, v.ResultText, v.Error, v.Summary, v.Narration, v.Note, v.Record.Bytes);
}

/// <summary>The 24 header bytes by field, with Pyro's names beside the numbers.</summary>
public sealed record WireHeaderDto(
    string Tag, int Version, int Type, string TypeName, int Flags, string FlagNames, int Seq, int DataSize,
    int SerializerId, string Serializer, int AnnotationsSize, int Reserved, int Checksum, bool ChecksumValid)
{
    public static WireHeaderDto From(PyroHeader h) => new(h.Tag, h.Version, (int)h.Type, WireNames.Type(h.Type), (int)h.Flags,
        WireNames.Flags(h.Flags), h.Sequence, h.DataSize, h.SerializerId, WireNames.Serializer(h.SerializerId),
        h.AnnotationsSize, h.Reserved, h.Checksum, h.ChecksumValid);
}

/// <summary>A refused or broken connection and what to do about it.</summary>
public sealed record WireDiagnosisDto(DateTimeOffset Time, long ConversationId, string Listener, string Client, string Problem, string Text)
{
    public static WireDiagnosisDto From(WireDiagnosis d) => new(d.Time, d.ConversationId, d.Listener, d.Client.ToString(), d.Problem, d.Text);
}

/// <summary>The body of <c>GET /api/wire/diagnoses</c>, newest first.</summary>
public sealed record WireDiagnosisListDto(IReadOnlyList<WireDiagnosisDto> Items);
