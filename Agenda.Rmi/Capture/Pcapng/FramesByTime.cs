namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// Merges the conversations' frame sequences, each already in its own order, into one ordered by time. Frames are
/// made lazily, so an export holds about one frame per conversation rather than the whole file. Equal times keep
/// the order in which the conversations were given; a conversation's own frames never change order.
/// </summary>
internal static class FramesByTime
{
    public static IEnumerable<TcpFrame> Merge(IEnumerable<IEnumerable<TcpFrame>> sequences)
    {
        var pending = new PriorityQueue<IEnumerator<TcpFrame>, (DateTimeOffset Time, int Order)>();
        try
        {
            var order = 0;
            foreach (var sequence in sequences) Enqueue(sequence.GetEnumerator(), order++);
            while (pending.TryDequeue(out var frames, out var key))
            {
                yield return frames.Current;
                Enqueue(frames, key.Order);
            }
        }
        finally
        {
            while (pending.TryDequeue(out var frames, out _)) frames.Dispose();
        }

        void Enqueue(IEnumerator<TcpFrame> frames, int order)
        {
            if (frames.MoveNext()) pending.Enqueue(frames, (frames.Current.Time, order));
            else frames.Dispose();
        }
    }
}
