using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Decoding;
using Agenda.Rmi.Protocol;

namespace Agenda.Web.Components.Wire;

/// <summary>How the study's table writes a message's columns: names rather than numbers, sizes with separators.</summary>
public static class WireFormat
{
    /// <summary>Seconds since the connection opened, to the microsecond, as Wireshark's relative time column.</summary>
    public static string RelativeTime(WireConversation conversation, WireMessageRecord message) =>
        (message.Time - conversation.OpenedAt).TotalSeconds.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);

    public static string Direction(WireMessageRecord message) =>
        message.Direction == WireDirection.FromClient ? "client → server" : "server → client";

    public static string Flags(WireMessageView view) => view.Header is { } h ? WireNames.Flags(h.Flags) : "—";

    public static string Seq(WireMessageView view) => view.Header is { } h ? h.Sequence.ToString() : "—";

    public static string Serializer(WireMessageView view) => view.SerializerName is { Length: > 0 } name ? name : "—";

    public static string Annotations(WireMessageView view) =>
        view.Annotations.Count == 0 ? "—" : string.Join(", ", view.Annotations.Select(a => $"{a.Key} ({a.Length})"));

    /// <summary>The header's data size; when compressed, the inflated size beside it.</summary>
    public static string DataSize(WireMessageView view) => view.Header is not { } h ? $"{view.Record.Length:N0} (raw)"
        : view.InflatedLength is { } inflated ? $"{h.DataSize:N0} (zlib → {inflated:N0})" : h.DataSize.ToString("N0");

    /// <summary>A refusal or a remote exception, so the row stands out.</summary>
    public static bool IsTrouble(WireMessageView view) => view.Header is not { } h || view.Note is not null
        || h.Type == PyroMessageType.ConnectFail || h.Flags.HasFlag(PyroFlags.Exception)
        || !h.ChecksumValid;
}
