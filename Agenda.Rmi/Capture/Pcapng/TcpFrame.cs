namespace Agenda.Rmi.Capture.Pcapng;

/// <summary>
/// One Ethernet frame of the export: when it crossed, the bytes kept (all of them unless its message was cut during
/// capture) and how long it really was.
/// </summary>
internal readonly record struct TcpFrame(DateTimeOffset Time, byte[] Data, int OriginalLength, string? Comment);

/// <summary>The TCP control bits the export uses, at their header positions.</summary>
[Flags]
internal enum TcpFlags : ushort
{
    Fin = 0x01,
    Syn = 0x02,
    Psh = 0x08,
    Ack = 0x10,
}
