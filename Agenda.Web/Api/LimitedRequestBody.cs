using Microsoft.AspNetCore.Http.Features;

namespace Agenda.Web.Api;

/// <summary>
/// Reads a whole request body up to a limit, holding no more than the limit: a declared Content-Length over it is
/// refused before a byte is read, and a body without one (chunked) is counted as it arrives and refused the moment it
/// passes the limit.
/// </summary>
internal static class LimitedRequestBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        // Kestrel's own cap (30,000,000 bytes unless Kestrel:Limits says otherwise) would answer an import under our
        // limit with its own 413; ours is the one that counts, so Kestrel's is set to it for this request.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
            cap.MaxRequestBodySize = limit;
        try
        {
            return request.ContentLength is { } length ? await ReadExactlyAsync(request.Body, (int)length, ct) : await ReadCountingAsync(request.Body, limit, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // Kestrel counted past the cap first
        }
    }

    // Content-Length known: one array of that size, filled; a body that ends early is the client's broken request.
    private static async Task<byte[]> ReadExactlyAsync(Stream body, int length, CancellationToken ct)
    {
        var bytes = new byte[length];
        try { await body.ReadExactlyAsync(bytes, ct); }
        catch (EndOfStreamException) { throw new BadHttpRequestException("The request body ended before its Content-Length."); }
        return bytes;
    }

    // Unknown length: chunks of 64 KiB until the end or the limit, then one array of the exact size.
    private static async Task<byte[]?> ReadCountingAsync(Stream body, int limit, CancellationToken ct)
    {
        var chunks = new List<byte[]>();
        var total = 0;
        while (true)
        {
            var chunk = new byte[ChunkSize];
            var filled = await body.ReadAtLeastAsync(chunk, ChunkSize, throwOnEndOfStream: false, ct);
            if ((long)total + filled > limit) return null;
            total += filled;
            chunks.Add(chunk);
            if (filled < ChunkSize) break;
        }
        var bytes = new byte[total];
        for (int i = 0, offset = 0; offset < total; offset += ChunkSize, i++)
            chunks[i].AsSpan(0, Math.Min(ChunkSize, total - offset)).CopyTo(bytes.AsSpan(offset));
        return bytes;
    }
}
