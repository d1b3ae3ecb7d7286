using System.Buffers;
using System.Text;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Serpent;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>The serpent writer's chunked buffer: text that crosses chunk edges comes out as one contiguous write would.</summary>
public class PooledBufferTests
{
    [Fact]
    public void LongStringsWithMultiByteCharactersCrossChunksIntact()
    {
        // 300,000 chars of mixed 1-, 2-, 3- and 4-byte UTF-8 (surrogate pairs): several 64 KiB chunks.
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"a\u00e9\u20ac😀'{i % 10}"));
        var expected = Encoding.UTF8.GetBytes(SerpentExpected(text));

        using var buffer = new PooledBuffer();
        SerpentWriter.Write(buffer, text);

        Assert.True(buffer.Segments.Count() > 3);
        Assert.Equal(expected, buffer.ToArray());
        Assert.Equal(expected, buffer.Written.ToArray());
        Assert.Equal(SerpentWriter.Write(text), expected);
    }

    [Fact]
    public void ASmallValueFitsOneChunk()
    {
        using var buffer = new PooledBuffer();
        SerpentWriter.Write(buffer, new Dictionary<string, object?> { ["id"] = 7L, ["name"] = "Ana" });

        Assert.Single(buffer.Segments);
        Assert.True(buffer.Written.IsSingleSegment);
        Assert.Equal("# serpent utf-8 python3.2\n{'id':7,'name':'Ana'}", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void AdvancingPastTheSpanGivenIsRefused()
    {
        using var buffer = new PooledBuffer();
        var free = buffer.GetSpan(10).Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(free + 1));
    }

    // Serpent's str: single quotes, the quote escaped, everything else here as raw UTF-8.
    private static string SerpentExpected(string text) => "# serpent utf-8 python3.2\n'" + text.Replace("'", "\\'") + "'";
}
