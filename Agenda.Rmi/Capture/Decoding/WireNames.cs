using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Capture.Decoding;

/// <summary>Pyro4's own names for header values (message.py's constants), as the study's tables and Wireshark show them.</summary>
public static class WireNames
{
    public static string Type(PyroMessageType type) => type switch
    {
        PyroMessageType.Connect => "CONNECT",
        PyroMessageType.ConnectOk => "CONNECTOK",
        PyroMessageType.ConnectFail => "CONNECTFAIL",
        PyroMessageType.Invoke => "INVOKE",
        PyroMessageType.Result => "RESULT",
        PyroMessageType.Ping => "PING",
        _ => $"type {(ushort)type}",
    };

    public static string Serializer(ushort id) => PyroSerializers.NameOf(id);

    /// <summary>Set flags by Pyro's names (FLAGS_EXCEPTION → exception, ...), or "none".</summary>
    public static string Flags(PyroFlags flags)
    {
        var names = new List<string>();
        if (flags.HasFlag(PyroFlags.Exception)) names.Add("exception");
        if (flags.HasFlag(PyroFlags.Compressed)) names.Add("compressed");
        if (flags.HasFlag(PyroFlags.Oneway)) names.Add("oneway");
        if (flags.HasFlag(PyroFlags.Batch)) names.Add("batch");
        if (flags.HasFlag(PyroFlags.MetaOnConnect)) names.Add("meta_on_connect");
        if (flags.HasFlag(PyroFlags.ItemStreamResult)) names.Add("items_streaming");
        if (flags.HasFlag(PyroFlags.KeepSerialized)) names.Add("keepserialized");
        var unknown = (ushort)flags & ~0x7F;
        if (unknown != 0) names.Add($"0x{unknown:x4}");
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
