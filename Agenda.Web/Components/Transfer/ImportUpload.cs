using Microsoft.AspNetCore.Components.Forms;

namespace Agenda.Web.Components.Transfer;

/// <summary>
/// Brings a file from the browser into memory a chunk at a time, saying after each chunk how many bytes have arrived,
/// so a progress bar can follow a large file. The whole file is needed at once: the readers see a vCard's folded lines
/// and a CSV's quoted line breaks across any chunk boundary.
/// </summary>
public static class ImportUpload
{
    private const int ChunkBytes = 64 * 1024;

    /// <param name="arrived">Called with the bytes read so far after every chunk.</param>
    /// <exception cref="InvalidDataException">The browser sent fewer bytes than the file's size (it changed on disk).</exception>
    public static async Task<byte[]> ReadAsync(IBrowserFile file, Action<long> arrived, CancellationToken ct = default)
    {
        var content = new byte[file.Size];
        // The file's size was checked against the import limit before this; the stream enforces it as well.
        await using var stream = file.OpenReadStream(maxAllowedSize: file.Size, ct);
        var read = 0;
        while (read < content.Length)
        {
            var chunk = await stream.ReadAsync(content.AsMemory(read, Math.Min(ChunkBytes, content.Length - read)), ct);
            if (chunk == 0) throw new InvalidDataException($"{file.Name} ended after {read} of {file.Size} bytes.");
            read += chunk;
            arrived(read);
        }
        return content;
    }
}
