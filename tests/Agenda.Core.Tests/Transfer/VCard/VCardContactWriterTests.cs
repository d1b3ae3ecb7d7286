using System.Text;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer.VCard;
using Agenda.Core.VCards;
using static Agenda.Core.Tests.Transfer.VCard.TransferFixtures;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>What the export looks like on the wire, and that it streams card by card without synchronous writes.</summary>
public class VCardContactWriterTests
{
    private static readonly ContactCard Long = new()
    {
        FirstName = "太郎", SecondName = "山田", Uid = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        Notes = string.Concat(Enumerable.Repeat("長いメモ🎉, línea; barra \\ fim\n", 20)).TrimEnd(),
        Groups = ["家族👨‍👩‍👧"],
    };

    [Theory]
    [InlineData(VCardVersion.V4)]
    [InlineData(VCardVersion.V3)]
    public async Task LinesEndInCrlfAndFoldAt75OctetsWithoutSplittingACharacter(VCardVersion version)
    {
        var bytes = Encoding.UTF8.GetBytes(await ExportAsync([Long], version));
        var lines = Split(bytes);
        Assert.True(lines.Count > 20);
        Assert.All(lines, line => Assert.True(line.Length <= 75, $"{line.Length} octets"));
        Assert.All(lines, line => Assert.DoesNotContain((byte)'\n', line));
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(lines, line => strict.GetString(line)); // each physical line is whole characters
        Assert.Equal(Long, ImportOne(Encoding.UTF8.GetString(bytes)));
    }

    // Physical lines, each of which must end in CRLF.
    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n') continue;
            Assert.True(i > 0 && bytes[i - 1] == '\r', $"bare LF at octet {i}");
            lines.Add(bytes[start..(i - 1)]);
            start = i + 1;
        }
        Assert.Equal(bytes.Length, start);
        return lines;
    }

    [Theory]
    [InlineData(VCardVersion.V4, "VERSION:4.0", "REV:20260517T103000Z")]
    [InlineData(VCardVersion.V3, "VERSION:3.0", "REV:2026-05-17T10:30:00Z")]
    public async Task ACardStartsWithVersionProdidAndUidAndEscapesText(VCardVersion version, string versionLine, string rev)
    {
        var card = new ContactCard { FirstName = "Ana", Uid = "u-1", Notes = "a, b; c \\ d\ne", JobTitle = "R&D, QA" };
        var vcf = await ExportAsync([card], version);
        Assert.StartsWith($"BEGIN:VCARD\r\n{versionLine}\r\nPRODID:-//Agenda//Agenda contacts//EN\r\nUID:u-1\r\nN:;Ana;;;\r\nFN:Ana\r\nTITLE:R&D\\, QA\r\n", vcf);
        Assert.EndsWith("\r\nNOTE:a\\, b\\; c \\\\ d\\ne\r\n" + rev + "\r\nEND:VCARD\r\n", vcf);
    }

    [Fact]
    public async Task EachCardIsWrittenBeforeTheNextContactIsRead()
    {
        var output = new AsyncOnlyWriter();
        await new VCardContactWriter().WriteAsync(Contacts(output), output);
        Assert.Equal(3, output.Text.Split("END:VCARD").Length - 1);
    }

    private static async IAsyncEnumerable<Contact> Contacts(AsyncOnlyWriter output)
    {
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(i, output.Text.Split("END:VCARD").Length - 1);
            await Task.Yield();
            yield return new Contact(i, ContactCard.Simple($"Card {i}", "", null, null), 1, Revised, Revised);
        }
    }

    [Fact]
    public async Task ACancelledExportStops()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new VCardContactWriter().WriteAsync(AsContacts([Long]), new AsyncOnlyWriter(), cancel.Token));
    }

    /// <summary>Refuses synchronous writes, as an ASP.NET Core response body does.</summary>
    private sealed class AsyncOnlyWriter : TextWriter
    {
        private readonly StringBuilder text = new();
        public string Text => text.ToString();
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => throw new InvalidOperationException("synchronous write");
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken ct = default)
        {
            ct.ThrowIfCancellationRequested();
            text.Append(buffer.Span);
            return Task.CompletedTask;
        }
        public override Task WriteAsync(string? value) { text.Append(value); return Task.CompletedTask; }
        public override Task FlushAsync() => Task.CompletedTask;
        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
