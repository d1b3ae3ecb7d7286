using System.Buffers.Binary;
using System.Buffers.Text;

namespace Agenda.Web.Api;

/// <summary>
/// The opaque page token: base64url of the last id on the page (8 bytes, big-endian). Opaque so callers do not
/// build their own and so the encoding can change; keyset paging makes it stable while contacts are added or deleted.
/// </summary>
internal static class PageToken
{
    public static string Encode(long lastId)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, lastId);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The id to continue after, or null when the token is not one this API issued.</summary>
    public static long? Decode(string token)
    {
        // TryDecodeFromChars returns false only for a short destination; invalid text (including non-zero trailing
        // bits) throws, so IsValid screens the characters and the catch covers the rest.
        Span<byte> bytes = stackalloc byte[9];
        if (token.Length != 11 || !Base64Url.IsValid(token)) return null;
        try
        {
            if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != 8) return null;
        }
        catch (FormatException) { return null; }
        var lastId = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return lastId >= 0 ? lastId : null;
    }
}
