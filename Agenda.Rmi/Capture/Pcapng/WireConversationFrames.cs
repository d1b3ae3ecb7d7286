namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// One conversation as the TCP frames that carried it: the handshake at the time it opened, each kept message as data
/// segments, and when it has closed, a FIN from the side that closed, the other side's FIN and the last ACK.
/// </summary>
/// <remarks>
/// Sequence numbers come from each message's <see cref="WireMessageRecord.StreamOffset"/>, not from counting the kept
/// messages, so when messages were sent before recording began or have since been dropped, the numbers after the gap
/// are still the true ones, and Wireshark says "previous segment not captured" rather than misreading the stream.
/// The receiver acknowledges each message and, within a long one, every <see cref="AckEvery"/> bytes, as a real stack
/// does, keeping Wireshark's sequence analysis free of window complaints.
/// </remarks>
internal static class WireConversationFrames
{
    public const int AckEvery = 32 * 1024;

    public static IEnumerable<TcpFrame> Of(WireConversation conversation, IEnumerable<WireMessageRecord> messages)
    {
        var kept = messages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Number).ToList();
        var (toServer, toClient) = TcpPath.Pair(conversation);
        var client = new TcpSide(toServer, InitialSequence(conversation.Id, WireDirection.FromClient));
        var server = new TcpSide(toClient, InitialSequence(conversation.Id, WireDirection.ToClient));

        var opened = conversation.OpenedAt;
        var comment = $"Agenda conversation {conversation.Id} on the {conversation.Listener} listener";
        yield return toServer.Frame(opened, TcpFlags.Syn, client.InitialSequence, 0, default, 0, comment);
        yield return toClient.Frame(opened, TcpFlags.Syn | TcpFlags.Ack, server.InitialSequence, client.Next, default, 0);
        yield return toServer.Frame(opened, TcpFlags.Ack, client.Next, server.Next, default, 0);

        // Before its first kept message a side has sent what that message's offset says: so the first ACKs the
        // other side sends already acknowledge those bytes, as the real ones did.
        client.Sent = FirstOffset(kept, WireDirection.FromClient);
        server.Sent = FirstOffset(kept, WireDirection.ToClient);
        foreach (var message in kept)
        {
            var (sender, receiver) = message.Direction == WireDirection.FromClient ? (client, server) : (server, client);
            foreach (var frame in Segments(message, sender, receiver)) yield return frame;
        }

        if (conversation is { ClosedAt: { } closed, ClosedBy: { } closedBy })
        {
            var (closer, other) = closedBy == WireCloser.Client ? (client, server) : (server, client);
            yield return closer.Path.Frame(closed, TcpFlags.Fin | TcpFlags.Ack, closer.Next, other.Next, default, 0);
            yield return other.Path.Frame(closed, TcpFlags.Fin | TcpFlags.Ack, other.Next, closer.Next + 1, default, 0);
            yield return closer.Path.Frame(closed, TcpFlags.Ack, closer.Next + 1, other.Next + 1, default, 0);
        }
    }

    /// <summary>
    /// Not random as a real stack's are: exporting the same capture twice gives the same file, and tests can name the
    /// numbers. Each conversation and side gets its own, spread over the 32-bit space (Fibonacci hashing).
    /// </summary>
    public static uint InitialSequence(long conversationId, WireDirection from) =>
        unchecked((uint)(((ulong)conversationId * 0x9E3779B97F4A7C15UL) >> 32) ^ (from == WireDirection.FromClient ? 0u : 0xA5A5A5A5u));

    private static IEnumerable<TcpFrame> Segments(WireMessageRecord message, TcpSide sender, TcpSide receiver)
    {
        sender.Sent = message.StreamOffset;
        var comment = message.Truncated
            ? $"message {message.Number} cut during capture: {message.Bytes.Length} of {message.Length} bytes kept"
            : null;
        var unacknowledged = 0;
        for (var start = 0; start < message.Length; start += sender.Path.MaxSegmentSize)
        {
            var length = Math.Min(sender.Path.MaxSegmentSize, message.Length - start);
            var from = Math.Min(start, message.Bytes.Length);
            var known = message.Bytes.AsMemory(from, Math.Min(length, message.Bytes.Length - from));
            var last = start + length == message.Length;
            var flags = last ? TcpFlags.Ack | TcpFlags.Psh : TcpFlags.Ack;
            yield return sender.Path.Frame(message.Time, flags, sender.Next, receiver.Next, known, length, start == 0 ? comment : null);
            sender.Sent += length;
            unacknowledged += length;
            if (!last && unacknowledged < AckEvery) continue;
            yield return receiver.Path.Frame(message.Time, TcpFlags.Ack, receiver.Next, sender.Next, default, 0);
            unacknowledged = 0;
        }
    }

    private static long FirstOffset(IEnumerable<WireMessageRecord> messages, WireDirection direction) =>
        messages.FirstOrDefault(m => m.Direction == direction)?.StreamOffset ?? 0;
}
