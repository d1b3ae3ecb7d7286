using System.Buffers.Binary;
using System.Collections;
using System.Text;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Capture.Decoding;

/// <summary>
/// Explains a conversation's captured messages in order, so each answer is read against its question (a RESULT
/// names the method of the INVOKE with its seq). Never throws on what a client sent: what cannot be decoded is said in
/// the view's note. Pickle and the other unsafe serializers are named, never decoded.
/// </summary>
public static class WireDecoder
{
    // Inflating is bounded like the daemon's own receive path, so a zlib bomb in the capture stays small.
    private const int MaxInflatedBytes = 16 * 1024 * 1024;

    public static IReadOnlyList<WireMessageView> Decode(WireConversation conversation, IEnumerable<WireMessageRecord> messages)
    {
        var context = new WireNarrator(conversation.Listener);
        return [.. messages.Select(m => Decode(m, context))];
    }

    private static WireMessageView Decode(WireMessageRecord record, WireNarrator narrator)
    {
        var bytes = record.Bytes;
        if (!PyroHeader.TryParse(bytes, out var header) || !header.HasPyroTag)
            return narrator.NotPyro(record, header.HasPyroTag ? header : null);

        var annotations = Annotations(bytes, header);
        var payloadOffset = PyroMessage.HeaderSize + header.AnnotationsSize;
        var serializer = WireNames.Serializer(header.SerializerId);
        var piece = new Decoded(record, header, annotations, payloadOffset, serializer);
        if (!header.IsSupportedVersion)
            return narrator.Explain(piece with { Note = $"protocol version {header.Version}; Pyro4 speaks {PyroMessage.ProtocolVersion}" });
        if (bytes.Length < payloadOffset + header.DataSize)
            return narrator.Explain(piece with { Note = $"kept cut at {bytes.Length:N0} of {record.Length:N0} bytes; the payload is not decoded" });

        var payload = bytes.AsMemory(payloadOffset, Math.Max(header.DataSize, 0));
        if (header.Flags.HasFlag(PyroFlags.Compressed))
        {
            try { payload = PyroCompression.Decompress(payload, MaxInflatedBytes); }
            catch (PyroProtocolException e) { return narrator.Explain(piece with { Note = e.Message }); }
            piece = piece with { InflatedLength = payload.Length };
        }
        if (PyroSerializers.Default.Find(header.SerializerId) is not { } reader)
            return narrator.Explain(piece with { Note = $"{serializer} payloads are never decoded (they could run code)" });
        piece = piece with { PayloadText = WireValues.PayloadText(payload.Span, reader.Name) };
        try
        {
            return narrator.Explain(header.Type == PyroMessageType.Invoke
                ? piece with { Call = reader.DeserializeCall(payload.Span) }
                : piece with { Value = reader.Deserialize(payload.Span), HasValue = true });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return narrator.Explain(piece with { Note = $"the {serializer} payload cannot be decoded: {e.Message}" });
        }
    }

    // Annotation chunks (§1.6): 4 ASCII key bytes, uint16 big-endian length, the value. Stops at whatever is missing.
    private static List<WireAnnotation> Annotations(byte[] bytes, PyroHeader header)
    {
        var list = new List<WireAnnotation>();
        var at = PyroMessage.HeaderSize;
        var end = Math.Min(bytes.Length, PyroMessage.HeaderSize + header.AnnotationsSize);
        while (at + 6 <= end)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 4));
            list.Add(new WireAnnotation(Encoding.ASCII.GetString(bytes, at, 4), at + 6, length));
            at += 6 + length;
        }
        return list;
    }
}

/// <summary>What the decoder found out about one message, handed to the narrator to put into words.</summary>
internal sealed record Decoded(WireMessageRecord Record, PyroHeader Header, IReadOnlyList<WireAnnotation> Annotations,
    int PayloadOffset, string Serializer)
{
    public int? InflatedLength { get; init; }
    public string? PayloadText { get; init; }
    public PyroCall? Call { get; init; }
    public object? Value { get; init; }
    public bool HasValue { get; init; }
    public string? Note { get; init; }
}
