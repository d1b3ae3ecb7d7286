using System.Text;
using Agenda.Rmi.Capture.Decoding;
using Agenda.Rmi.Protocol;

namespace Agenda.Web.Components.Wire;

/// <summary>A run of bytes in one hex dump row that belong to the same field (a header field, annotations, payload).</summary>
public sealed record HexSegment(string Field, string Name, string Hex, bool Invalid);

/// <summary>One row of the hex dump: its offset, its bytes grouped by field, and the same bytes as ASCII.</summary>
public sealed record HexRow(int Offset, IReadOnlyList<HexSegment> Segments, string Ascii);

/// <summary>One entry of the legend: a field, its colour (by <see cref="Field"/>), and its value in words.</summary>
public sealed record HexLegendItem(string Field, string Name, string Value, bool Invalid);

/// <summary>
/// Lays a message's bytes out as a hex dump whose bytes are grouped by what they are, following the 24-byte header's
/// field table (<see cref="PyroHeader.Fields"/>), then the annotation chunks, then the payload.
/// </summary>
public static class HexLayout
{
    public const int BytesPerRow = 16;

    // A 64 KiB message would be 4,096 rows: the start is what explains it; the payload text above has the rest.
    public const int MaxBytes = 1024;

    public static IReadOnlyList<HexRow> Rows(WireMessageView view)
    {
        var bytes = view.Record.Bytes.AsSpan(0, Math.Min(view.Record.Bytes.Length, MaxBytes));
        var rows = new List<HexRow>();
        for (var start = 0; start < bytes.Length; start += BytesPerRow)
        {
            var row = bytes.Slice(start, Math.Min(BytesPerRow, bytes.Length - start));
            var segments = new List<HexSegment>();
            for (var i = 0; i < row.Length;)
            {
                var (field, name) = FieldAt(view, start + i);
                var end = i + 1;
                while (end < row.Length && FieldAt(view, start + end).Field == field) end++;
                segments.Add(new HexSegment(field, name, Hex(row[i..end]), field == "checksum" && !ChecksumValid(view)));
                i = end;
            }
            rows.Add(new HexRow(start, segments, Ascii(row)));
        }
        return rows;
    }

    public static IReadOnlyList<HexLegendItem> Legend(WireMessageView view)
    {
        if (view.Header is not { HasPyroTag: true } h) return [new("raw", "bytes", "not a Pyro4 message (no PYRO header)", false)];
        var items = PyroHeader.Fields.Select(f => new HexLegendItem(Id(f.Name), f.Name, Value(h, f.Name), f.Name == "checksum" && !h.ChecksumValid)).ToList();
        if (view.Annotations.Count > 0)
            items.Add(new("annotations", "annotations", string.Join(", ", view.Annotations.Select(a => $"{a.Key} ({a.Length} bytes)")), false));
        items.Add(new("payload", "payload", $"{h.DataSize:N0} bytes{(view.InflatedLength is { } n ? $", zlib-compressed ({n:N0} inflated)" : "")}", false));
        return items;
    }

    private static string Value(PyroHeader h, string field) => field switch
    {
        "tag" => $"\"{h.Tag}\"",
        "version" => h.IsSupportedVersion ? $"{h.Version}" : $"{h.Version} (Pyro4 speaks {PyroMessage.ProtocolVersion})",
        "type" => $"{(ushort)h.Type} {WireNames.Type(h.Type)}",
        "flags" => $"0x{(ushort)h.Flags:x4} {WireNames.Flags(h.Flags)}",
        "seq" => $"{h.Sequence}",
        "data size" => $"{h.DataSize:N0} bytes",
        "serializer" => $"{h.SerializerId} {WireNames.Serializer(h.SerializerId)}",
        "annotations size" => $"{h.AnnotationsSize:N0} bytes",
        "reserved" => $"{h.Reserved}",
        "checksum" => h.ChecksumValid ? $"0x{h.Checksum:x4} valid" : $"0x{h.Checksum:x4} invalid (expected 0x{h.ExpectedChecksum:x4})",
        _ => "",
    };

    private static (string Field, string Name) FieldAt(WireMessageView view, int index)
    {
        if (view.Header is not { HasPyroTag: true } h) return ("raw", "bytes");
        if (index < PyroMessage.HeaderSize)
        {
            var f = PyroHeader.Fields.First(f => index >= f.Offset && index < f.Offset + f.Length);
            return (Id(f.Name), f.Name);
        }
        if (index < view.PayloadOffset) return ("annotations", "annotations");
        return index < view.PayloadOffset + Math.Max(h.DataSize, 0) ? ("payload", "payload") : ("extra", "bytes past the announced size");
    }

    private static bool ChecksumValid(WireMessageView view) => view.Header is not { } h || h.ChecksumValid;

    private static string Id(string name) => name.Replace(' ', '-');

    private static string Hex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes) text.Append(text.Length == 0 ? "" : " ").Append(b.ToString("x2"));
        return text.ToString();
    }

    private static string Ascii(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes) text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return text.ToString();
    }
}
