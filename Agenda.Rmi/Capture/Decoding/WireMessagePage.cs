namespace Agenda.Rmi.Capture.Decoding;

/// <summary>A window of one conversation's kept messages, decoded; <see cref="Total"/> counts all kept messages.</summary>
public sealed record WireMessagePage(IReadOnlyList<WireMessageView> Messages, int Offset, int Total)
{
    /// <summary>
    /// Decodes only <paramref name="count"/> messages from <paramref name="offset"/>, so a conversation of thousands of
    /// calls costs a page, not the whole history. The message just before the window is decoded too and dropped: a
    /// Pyro connection asks one question at a time, so that is the INVOKE a RESULT at the top of the page answers.
    /// </summary>
    public static WireMessagePage Decode(WireConversation conversation, IReadOnlyList<WireMessageRecord> messages, int offset, int count)
    {
        offset = Math.Max(offset, 0);
        var context = offset > 0 ? 1 : 0;
        var window = messages.Skip(offset - context).Take(Math.Max(count, 0) + context);
        return new WireMessagePage([.. WireDecoder.Decode(conversation, window).Skip(context)], offset, messages.Count);
    }
}
