using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Agenda.Rmi.Protocol;

/// <summary>Writes Pyro4 messages: header, annotation chunks (in id order), payload, as one contiguous block (§1.12).</summary>
public static class PyroMessageWriter
{
    public static byte[] ToArray(in PyroMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(PyroMessage.HeaderSize + message.Data.Length + 64);
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the whole message and returns its length in bytes.</summary>
    public static int Write(IBufferWriter<byte> output, in PyroMessage message)
    {
        var head = WriteHead(output, message.Type, message.Flags, message.Sequence, message.SerializerId, message.Annotations, message.Data.Length);
        output.Write(message.Data.Span);
        return head + message.Data.Length;
    }

    /// <summary>
    /// Writes the header and annotation chunks of a message whose <paramref name="dataSize"/> bytes of payload the caller
    /// writes next (a payload held in pieces); returns the bytes written.
    /// </summary>
    public static int WriteHead(IBufferWriter<byte> output, PyroMessageType type, PyroFlags flags, ushort sequence,
        ushort serializerId, IReadOnlyDictionary<string, byte[]> annotations, int dataSize)
    {
        var annotationsSize = AnnotationsSize(annotations);
        var total = PyroMessage.HeaderSize + annotationsSize;
        var span = output.GetSpan(total)[..total];

        "PYRO"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], PyroMessage.ProtocolVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], sequence);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], dataSize);
        BinaryPrimitives.WriteUInt16BigEndian(span[16..], serializerId);
        BinaryPrimitives.WriteUInt16BigEndian(span[18..], (ushort)annotationsSize);
        BinaryPrimitives.WriteUInt16BigEndian(span[20..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(span[22..], PyroMessage.Checksum(type, flags, sequence, dataSize, serializerId, annotationsSize));

        var position = PyroMessage.HeaderSize;
        // One annotation (a reply's CORR) needs no sorting, and sorting allocates.
        foreach (var (id, value) in annotations.Count <= 1 ? annotations : (IEnumerable<KeyValuePair<string, byte[]>>)annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Encoding.ASCII.GetBytes(id, span.Slice(position, 4));
            BinaryPrimitives.WriteUInt16BigEndian(span[(position + 4)..], (ushort)value.Length);
            value.CopyTo(span[(position + 6)..]);
            position += 6 + value.Length;
        }
        output.Advance(total);
        return total;
    }

    private static int AnnotationsSize(IReadOnlyDictionary<string, byte[]> annotations)
    {
        var size = 0;
        foreach (var (id, value) in annotations)
        {
            if (id.Length != 4 || !Ascii.IsValid(id)) throw new ArgumentException($"annotation id must be 4 ASCII characters: '{id}'");
            if (value.Length > ushort.MaxValue) throw new ArgumentException($"annotation {id} is longer than 65535 bytes");
            size += 6 + value.Length;
        }
        return size <= ushort.MaxValue ? size : throw new ArgumentException("annotations are longer than 65535 bytes in total");
    }
}
