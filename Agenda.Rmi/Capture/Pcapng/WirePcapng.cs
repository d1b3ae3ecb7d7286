namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// Exports a <see cref="WireCapture"/> as a pcapng file that Wireshark and tshark open: each conversation becomes the
/// TCP connection that carried it, between its real endpoints, with true sequence numbers and the captured times.
/// </summary>
public static class WirePcapng
{
    /// <summary>The media type to serve the file with.</summary>
    public const string ContentType = "application/x-pcapng";

    private const string Application = "Agenda wire capture";
    private const string InterfaceName = "pyro";

    // No frame is longer: the largest loopback segment with its headers is 65,550 bytes. 262,144 is Wireshark's own
    // largest snap length, so no reader mistakes the file's limit for a cut.
    private const uint SnapLength = 262_144;

    /// <summary>
    /// Writes everything the capture holds, or the one conversation <paramref name="conversationId"/> (headers only when
    /// it is not in the capture), frames in time order across conversations.
    /// </summary>
    public static async Task WriteAsync(Stream output, WireCapture capture, long? conversationId = null, CancellationToken ct = default)
    {
        // Conversations first: a message recorded in between belongs to a conversation already listed or is left out.
        IReadOnlyList<WireConversation> conversations = conversationId is { } id
            ? capture.Conversation(id) is { } one ? [one] : []
            : capture.Conversations();
        var messages = capture.Messages(conversationId).ToLookup(m => m.ConversationId);

        var writer = new PcapngWriter(output);
        await writer.WriteAsync(new PcapngSectionHeaderBlock(Application), ct);
        await writer.WriteAsync(new PcapngInterfaceDescriptionBlock(InterfaceName, SnapLength), ct);
        var frames = FramesByTime.Merge(conversations.Select(c => WireConversationFrames.Of(c, messages[c.Id])));
        foreach (var frame in frames)
        {
            var timestamp = PcapngInterfaceDescriptionBlock.Timestamp(frame.Time);
            await writer.WriteAsync(new PcapngEnhancedPacketBlock(0, timestamp, frame.Data, frame.OriginalLength, frame.Comment), ct);
        }
        await writer.FlushAsync(ct);
    }
}
