using System.Text;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Tests.Serpent.Strict;

namespace Agenda.Rmi.Tests.Serpent;

public class SerpentParserErrorTests
{
    private static SerpentException Fails(byte[] input, SerpentLimits? limits = null)
    {
        var error = Assert.Throws<SerpentException>(() => SerpentParser.Parse(input, limits));
        Assert.InRange(error.Position, 0, input.Length);
        Assert.Contains("⟨here⟩", error.Snippet);
        Assert.Contains(error.Snippet, error.Message);
        return error;
    }

    [Theory]
    [InlineData("[1,2", 26)]
    [InlineData("{'a':1", 26)]
    [InlineData("(1,2", 26)]
    [InlineData("'abc", 26)]
    [InlineData("'''abc''", 26)]
    [InlineData("{'a':", 31)]
    [InlineData("", 26)]
    [InlineData("1e", 28)]
    [InlineData("[1,2]]", 31)]
    [InlineData("[1 2]", 29)]
    [InlineData("{'a' 1}", 31)]
    [InlineData("(1,2]", 30)]
    [InlineData("[1,,2]", 29)]
    public void TruncatedOrUnbalancedInputFailsAtThePosition(string body, int position) =>
        Assert.Equal(position, Fails(Doc(body)).Position);

    [Theory]
    [InlineData("nul")]
    [InlineData("none")]
    [InlineData("[1, @]")]
    [InlineData("f'x'")]
    [InlineData("...")]
    [InlineData("1 + 2")]
    [InlineData("1j + 2j")]
    [InlineData("--1")]
    [InlineData("-True")]
    [InlineData("012")]
    [InlineData("1__0")]
    [InlineData("0b102")]
    [InlineData("0x")]
    [InlineData("'a' b'b'")]
    [InlineData("set(1)")]
    [InlineData("{[1]: 2}")]
    [InlineData("{None: 2}")]
    [InlineData("{{1}}")]
    public void UnknownTokensAndNonLiteralsFail(string body) => Fails(Doc(body));

    [Theory]
    [InlineData(@"'\x4'", 27)]
    [InlineData(@"'ab\xZZ'", 29)]
    [InlineData(@"'\u12'", 27)]
    [InlineData(@"'\U00110000'", 27)]
    [InlineData(@"'\N{BULLET}'", 27)]
    [InlineData(@"b'\400'", 28)]
    [InlineData("b'é'", 28)]
    [InlineData("'line\nbreak'", 26)]
    public void InvalidEscapesAndLiteralsFailAtTheEscape(string body, int position) => Assert.Equal(position, Fails(Doc(body)).Position);

    [Fact]
    public void InvalidUtf8InAStringFailsAtTheBadByte()
    {
        var input = Doc("'ab'");
        input[^2] = 0xff;
        Assert.Equal(input.Length - 2, Fails(input).Position);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("# serpent utf-16 python3.2\n[1]")]
    [InlineData("# some comment\n[1]")]
    [InlineData("\uFEFF# serpent utf-8 python3.2\n[1]")]
    [InlineData("# serpent utf-8 python3.2")]
    public void MissingOrWrongHeaderFails(string text) => Fails(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void NestingOneHundredThousandLevelsFailsWithoutOverflowingTheStack()
    {
        foreach (var open in new[] { "[", "(", "{", "{'a':" })
        {
            var error = Fails(Doc(string.Concat(Enumerable.Repeat(open, 100_000))));
            Assert.Contains("nesting deeper than 256", error.Message);
        }
    }

    [Fact]
    public void AHugeConfiguredDepthStillEndsInASerpentException()
    {
        var limits = new SerpentLimits { MaxDepth = int.MaxValue };
        Exception? failure = null;
        // A small thread stack makes the runtime's stack probe, not the depth limit, stop the recursion.
        var thread = new Thread(() => { try { Fails(Doc(new string('[', 1_000_000)), limits); } catch (Exception e) { failure = e; } }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }

    [Fact]
    public void DepthLimitIsConfigurable()
    {
        var limits = new SerpentLimits { MaxDepth = 3 };
        AssertSame(List(List(List())), SerpentParser.Parse(Doc("[[[]]]"), limits));
        Assert.Contains("nesting deeper than 3", Fails(Doc("[[[[]]]]"), limits).Message);
    }

    [Fact]
    public void AFiftyMegabyteStringExceedsTheDefaultSizeLimit()
    {
        var input = Doc("'" + new string('x', 50_000_000) + "'");
        Assert.Contains("exceeds the limit", Fails(input).Message);
    }

    [Fact]
    public void AFiftyMegabyteStringParsesUnderARaisedLimitAndFailsCleanlyWhenUnterminated()
    {
        var limits = new SerpentLimits { MaxInputBytes = 64 * 1024 * 1024 };
        var text = new string('x', 50_000_000);
        Assert.Equal(text, SerpentParser.Parse(Doc("'" + text + "'"), limits));
        Assert.Equal(26, Fails(Doc("'" + text), limits).Position);
    }

    [Fact]
    public void OverlongIntegersFailInsteadOfHanging() =>
        Assert.Contains("4300 digits", Fails(Doc(new string('7', 100_000))).Message);
}
