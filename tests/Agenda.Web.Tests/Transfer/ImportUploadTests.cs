using Agenda.Web.Components.Transfer;
using Microsoft.AspNetCore.Components.Forms;

namespace Agenda.Web.Tests.Transfer;

/// <summary>Reading a file from the browser a chunk at a time, with the progress a bar follows.</summary>
public sealed class ImportUploadTests
{
    /// <summary>
    /// A file as the browser offers it: its stated size, and a stream that hands out at most 32 KiB per read, as the
    /// circuit's stream does. <paramref name="sent"/> fewer bytes than the size stands for a file that shrank on disk.
    /// </summary>
    private sealed class FileInBrowser(string name, byte[] content, int? sent = null) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => content.Length;
        public string ContentType => "text/vcard";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            if (Size > maxAllowedSize) throw new IOException($"Supplied file with size {Size} bytes exceeds the maximum of {maxAllowedSize} bytes.");
            return new Trickle(new MemoryStream(content, 0, sent ?? content.Length));
        }
    }

    // At most 32 KiB per read, whatever the caller asks for.
    private sealed class Trickle(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 32 * 1024));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 32 * 1024)], ct);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task AMegabyteArrivesWholeAndTheProgressClimbsInStepsToItsSize()
    {
        var content = new byte[1024 * 1024 + 17];
        Random.Shared.NextBytes(content);
        var arrived = new List<long>();

        var read = await ImportUpload.ReadAsync(new FileInBrowser("big.vcf", content), arrived.Add);

        Assert.Equal(content, read);
        Assert.True(arrived.Count >= 16, $"only {arrived.Count} progress reports");
        Assert.Equal(arrived.Order(), arrived);
        Assert.Equal(arrived.Distinct(), arrived);
        Assert.Equal(content.Length, arrived[^1]);
    }

    [Fact]
    public async Task AnEmptyFileIsReadWithoutAnyProgressReport()
    {
        var arrived = new List<long>();

        Assert.Empty(await ImportUpload.ReadAsync(new FileInBrowser("empty.vcf", []), arrived.Add));
        Assert.Empty(arrived);
    }

    [Fact]
    public async Task AFileThatEndsBeforeItsSizeSaysSo()
    {
        var file = new FileInBrowser("shrunk.vcf", new byte[100_000], sent: 70_000);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => ImportUpload.ReadAsync(file, _ => { }));

        Assert.Equal("shrunk.vcf ended after 70000 of 100000 bytes.", refused.Message);
    }
}
