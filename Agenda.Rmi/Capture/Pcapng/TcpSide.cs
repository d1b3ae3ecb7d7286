namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// One end of the connection while its frames are made: the path its frames take, its initial sequence number, and
/// how many bytes of its stream it has sent so far.
/// </summary>
internal sealed class TcpSide(TcpPath path, uint initialSequence)
{
    public TcpPath Path { get; } = path;

    public uint InitialSequence { get; } = initialSequence;

    /// <summary>Bytes of this side's stream sent so far (the SYN and FIN take sequence numbers, not stream bytes).</summary>
    public long Sent { get; set; }

    /// <summary>The sequence number of this side's next stream byte, which is also the peer's acknowledgement number.</summary>
    public uint Next => unchecked(InitialSequence + 1 + (uint)Sent);
}
