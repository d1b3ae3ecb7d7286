namespace Agenda.Rmi.Protocol;

/// <summary>Message types of the Pyro4 wire protocol (header offset 6).</summary>
public enum PyroMessageType : ushort
{
    Connect = 1,
    ConnectOk = 2,
    ConnectFail = 3,
    Invoke = 4,
    Result = 5,
    Ping = 6,
}

/// <summary>Flag bits of the Pyro4 header (offset 8).</summary>
[Flags]
public enum PyroFlags : ushort
{
    None = 0,
    Exception = 0x01,
    Compressed = 0x02,
    Oneway = 0x04,
    Batch = 0x08,
    MetaOnConnect = 0x10,
    ItemStreamResult = 0x20,
    KeepSerialized = 0x40,
}
