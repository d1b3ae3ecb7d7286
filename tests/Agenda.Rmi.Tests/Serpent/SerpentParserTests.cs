using System.Numerics;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Tests.Serpent.Strict;

namespace Agenda.Rmi.Tests.Serpent;

public class SerpentParserTests
{
    private static object? Parse(string body) => SerpentParser.Parse(Doc(body));

    [Theory]
    [InlineData("None", null)]
    [InlineData("True", true)]
    [InlineData("False", false)]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("+7", 7L)]
    [InlineData("- 5", -5L)]
    [InlineData("0", 0L)]
    [InlineData("1_000_000", 1000000L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("0x_ff", 255L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("'hello'", "hello")]
    [InlineData("\"it's\"", "it's")]
    public void ScalarsBecomeTheirDotNetValues(string body, object? expected) => AssertSame(expected, Parse(body));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("2.0", 2.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("1e-20", 1e-20)]
    [InlineData("1e+22", 1e22)]
    [InlineData("1.5e-07", 1.5e-7)]
    [InlineData("1.", 1.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1E5", 1e5)]
    [InlineData("1_0.2_5", 10.25)]
    [InlineData("1e30000", double.PositiveInfinity)]
    [InlineData("-1e30000", double.NegativeInfinity)]
    [InlineData("{'__class__':'float','value':'nan'}", double.NaN)]
    [InlineData("{'__class__':'float','value':'-inf'}", double.NegativeInfinity)]
    public void FloatsBecomeDoubles(string body, double expected) => AssertSame(expected, Parse(body));

    [Fact]
    public void NegativeZeroKeepsItsSign() => Assert.True(double.IsNegative((double)Parse("-0.0")!));

    [Fact]
    public void IntegersBeyondSixtyFourBitsBecomeBigIntegers()
    {
        AssertSame(BigInteger.Pow(2, 100), Parse("1267650600228229401496703205376"));
        AssertSame(-BigInteger.Pow(2, 100), Parse("-1267650600228229401496703205376"));
        AssertSame(BigInteger.Parse("9223372036854775808"), Parse("9223372036854775808"));
        AssertSame(BigInteger.Pow(2, 64) - 1, Parse("0xffffffffffffffff"));
    }

    [Theory]
    [InlineData("(1.0+2.0j)", 1.0, 2.0)]
    [InlineData("(1.0-2.0j)", 1.0, -2.0)]
    [InlineData("(-1.5-2.0j)", -1.5, -2.0)]
    [InlineData("(0.0+1.0j)", 0.0, 1.0)]
    [InlineData("3j", 0.0, 3.0)]
    [InlineData("-3J", -0.0, -3.0)]
    [InlineData("1 + 2j", 1.0, 2.0)]
    [InlineData("(1e30000+1.0j)", double.PositiveInfinity, 1.0)]
    public void ComplexSumsBecomeComplex(string body, double real, double imaginary) =>
        AssertSame(new Complex(real, imaginary), Parse(body));

    [Theory]
    [InlineData(@"'a\nb\tc\\d\x00e\x7f\r'", "a\nb\tc\\d\0e\x7f\r")]
    [InlineData(@"'it\'s ""q""'", "it's \"q\"")]
    [InlineData(@"'\x85\xa0\xad'", "\u0085\u00a0\u00ad")]
    [InlineData(@"'\u200b\U0001F600'", "\u200b😀")]
    [InlineData(@"'\a\b\f\v\0\101\7'", "\a\b\f\v\0A\a")]
    [InlineData(@"'\q'", @"\q")]
    [InlineData("'héllo € 😀'", "héllo € 😀")]
    [InlineData("'a' \"b\" 'c'", "abc")]
    [InlineData("u'x'", "x")]
    [InlineData(@"r'\n\''", @"\n\'")]
    [InlineData(@"'''it's
two lines'''", "it's\ntwo lines")]
    [InlineData("\"\"\"q\"\"\"", "q")]
    [InlineData("'a\\\nb'", "ab")]
    public void StringLiteralsResolveEveryPythonEscape(string body, string expected) => AssertSame(expected, Parse(body));

    [Fact]
    public void LoneSurrogateEscapesSurviveAsLoneSurrogates() =>
        Assert.Equal("a\udc80\ud800b", (string)Parse(@"'a\udc80\ud800b'")!);

    [Fact]
    public void BytesLiteralsBecomeByteArrays()
    {
        AssertSame(new byte[] { 0, 1, (byte)'h', 0xff }, Parse(@"b'\x00\x01h\xff'"));
        AssertSame(new byte[] { (byte)'a', (byte)'\\', (byte)'n' }, Parse(@"rb'a\n'"));
        AssertSame(new byte[] { 1, 2 }, Parse(@"b'\x01' B'\x02'"));
    }

    [Fact]
    public void TuplesListsDictsAndSetsKeepTheirKinds()
    {
        AssertSame(new PyTuple(1L, 2L), Parse("(1,2)"));
        AssertSame(new PyTuple(1L), Parse("(1,)"));
        AssertSame(PyTuple.Empty, Parse("()"));
        AssertSame(1L, Parse("(1)"));
        AssertSame(List(1L, "a"), Parse("[1,'a']"));
        AssertSame(List(), Parse("[]"));
        AssertSame(List(1L, 2L), Parse("[1, 2, ]"));
        AssertSame(Dict(("a", 1L), (2L, "b")), Parse("{'a':1,2:'b'}"));
        AssertSame(Dict(), Parse("{}"));
        AssertSame(Set(1L, 2L), Parse("{1,2}"));
        AssertSame(Set(), Parse("set()"));
        AssertSame(Dict((new PyTuple(1L, "x"), List(Set("s")))), Parse("{(1,'x'): [{'s'}]}"));
    }

    [Fact]
    public void DictsKeepKeyOrderAndPythonDuplicateRules()
    {
        var dict = (Dictionary<object, object?>)Parse("{'z':1,'a':2,1:'one',1.0:'float',True:'bool'}")!;
        Assert.Equal(["z", "a", 1L], dict.Keys);
        Assert.Equal("bool", dict[1L]);
    }

    [Fact]
    public void ClassDictsStayDicts()
    {
        var parsed = Parse("{'__class__':'Pyro4.core.URI','state':('PYRO','obj',None,'localhost',5555)}");
        AssertSame(Dict(("__class__", "Pyro4.core.URI"), ("state", new PyTuple("PYRO", "obj", null, "localhost", 5555L))), parsed);
    }

    [Fact]
    public void BytesDictsDecodeThroughSerpentBytes()
    {
        var parsed = Parse("{'data': 'AAFoZWxsbw==', 'encoding': 'base64'}");
        Assert.True(SerpentBytes.TryDecode(parsed, out var bytes));
        Assert.Equal("\0\u0001hello"u8.ToArray(), bytes);
        Assert.False(SerpentBytes.TryDecode(Parse("{'data': '!!', 'encoding': 'base64'}"), out _));
        Assert.False(SerpentBytes.TryDecode(Parse("{'data': 'AA==', 'encoding': 'hex'}"), out _));
    }

    [Fact]
    public void WhitespaceCommentsAndIndentedLayoutAreSkipped()
    {
        var body = "# a comment\n{\n  'a': [\n    1,  # one\n    2\n  ],\r\n  'b': (\n    3,\n  )\n}\n\n";
        AssertSame(Dict(("a", List(1L, 2L)), ("b", new PyTuple(3L))), Parse(body));
    }

    [Fact]
    public void HeaderMayEndWithCrLfOrNamePython2() =>
        AssertSame(List(1L), SerpentParser.Parse("# serpent utf-8 python2.6\r\n[1]"u8));

    [Fact]
    public void NestingUpToTheLimitIsAccepted()
    {
        var parsed = Parse(new string('[', 256) + new string(']', 256));
        int depth = 0;
        for (var item = parsed; item is List<object?> list; item = list.Count > 0 ? list[0] : null) depth++;
        Assert.Equal(256, depth);
    }
}
