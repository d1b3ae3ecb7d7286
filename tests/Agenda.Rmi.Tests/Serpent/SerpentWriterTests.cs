using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Tests.Serpent.Strict;

namespace Agenda.Rmi.Tests.Serpent;

public class SerpentWriterTests
{
    private const string Header = "# serpent utf-8 python3.2\n";

    private static string Body(object? value)
    {
        var bytes = SerpentWriter.Write(value);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith(Header, text);
        return text[Header.Length..];
    }

    private enum Color : byte { Green = 2 }

    public static TheoryData<object?, string> Scalars => new()
    {
        { null, "None" }, { true, "True" }, { false, "False" },
        { 42, "42" }, { -7L, "-7" }, { (byte)200, "200" }, { ulong.MaxValue, "18446744073709551615" },
        { BigInteger.Pow(2, 100), "1267650600228229401496703205376" },
        { 1.5, "1.5" }, { 2.0, "2.0" }, { 0.1, "0.1" }, { 1e-20, "1e-20" }, { 1e22, "1e+22" }, { 1e16, "10000000000000000.0" },
        { -0.0, "-0.0" }, { 1.5f, "1.5" },
        { double.PositiveInfinity, "1e30000" }, { double.NegativeInfinity, "-1e30000" },
        { double.NaN, "{'__class__':'float','value':'nan'}" },
        { new Complex(1, 2), "(1.0+2.0j)" }, { new Complex(1, -2), "(1.0-2.0j)" }, { new Complex(0, 1), "(0.0+1.0j)" },
        { 3.14159265358979323846m, "'3.14159265358979323846'" },
        { new DateTime(2024, 1, 2, 3, 4, 5, 6, 789), "'2024-01-02T03:04:05.006789'" },
        { new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), "'2024-01-02T03:04:05+00:00'" },
        { new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5.5)), "'2024-01-02T03:04:05-05:30'" },
        { new DateOnly(2024, 1, 2), "'2024-01-02'" },
        { new TimeOnly(3, 4, 5, 0, 600), "'03:04:05.000600'" },
        { new TimeSpan(1, 0, 0, 3, 0, 5), "86403.000005" },
        { Guid.Parse("12345678-1234-5678-1234-567812345678"), "'12345678-1234-5678-1234-567812345678'" },
        { Color.Green, "2" }, { 'x', "'x'" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void ScalarsUsePythonLiteralForms(object? value, string expected) => Assert.Equal(expected, Body(value));

    [Theory]
    [InlineData("hello", "'hello'")]
    [InlineData("it's \"q\"", @"'it\'s ""q""'")]
    [InlineData("a\nb\tc\\d\0e\x7f\r", @"'a\nb\tc\\d\x00e\x7f\r'")]
    [InlineData("\x85\xa0\u2028\u2029", "'\\x85\xa0\\u2028\\u2029'")]
    [InlineData("héllo € 😀", "'héllo € 😀'")]
    public void StringsAreSingleQuotedWithPythonEscapes(string value, string expected) => Assert.Equal(expected, Body(value));

    [Fact]
    public void LoneSurrogatesAreEscaped() => Assert.Equal(@"'a\udc80b\ud800'", Body("a\udc80b\ud800"));

    [Fact]
    public void ContainersUsePythonForms()
    {
        Assert.Equal("(1,'a')", Body(new PyTuple(1, "a")));
        Assert.Equal("(1,)", Body(new PyTuple(1)));
        Assert.Equal("()", Body(PyTuple.Empty));
        Assert.Equal("[1,[2,3],[]]", Body(new object[] { 1, new List<int> { 2, 3 }, Array.Empty<string>() }));
        Assert.Equal("{'a':1,2:'b'}", Body(Dict(("a", 1L), (2L, "b"))));
        Assert.Equal("{}", Body(new Dictionary<string, int>()));
        Assert.Equal("{'x':None}", Body(new Dictionary<string, object?> { ["x"] = null }.AsReadOnly()));
        Assert.Equal("{3}", Body(new HashSet<int> { 3 }));
        Assert.Equal("()", Body(new HashSet<string>()));
        Assert.Equal("{(1,'k'):True}", Body(Dict((new PyTuple(1, "k"), true))));
    }

    [Fact]
    public void BytesBecomeTheBase64Dict()
    {
        Assert.Equal("{'data':'AAFoZWxsbw==','encoding':'base64'}", Body("\0\u0001hello"u8.ToArray()));
        var parsed = SerpentParser.Parse(SerpentWriter.Write(new ReadOnlyMemory<byte>([1, 2, 3])));
        Assert.True(SerpentBytes.TryDecode(parsed, out var bytes));
        Assert.Equal([1, 2, 3], bytes);
    }

    private sealed record ContactDto(long Id, string FirstName, string? Email);

    [Fact]
    public void OtherObjectsBecomePlainDictsOfTheirProperties() =>
        Assert.Equal("{'Id':1,'FirstName':'Ana','Email':None}", Body(new ContactDto(1, "Ana", null)));

    [Fact]
    public void ACycleFailsWithASerpentExceptionNotAStackOverflow()
    {
        var list = new List<object?>();
        list.Add(list);
        var dict = new Dictionary<string, object?>();
        dict["self"] = dict;
        Assert.Contains("deeper than 200", Assert.Throws<SerpentException>(() => SerpentWriter.Write(list)).Message);
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(dict));
    }

    [Fact]
    public void NestingIsLimitedToWhatPythonCanRead()
    {
        object? nested = null;
        for (int i = 0; i < 200; i++) nested = new List<object?> { nested };
        Assert.Equal(200, Body(nested).Count(c => c == '['));
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(new List<object?> { nested }));
    }

    [Fact]
    public void UnhashableKeysAndNaNComplexNumbersAreRefused()
    {
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(Dict((new List<int>(), 1))));
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(Set(new PyTuple(new List<int>()))));
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(Dict((new byte[] { 1 }, 1))));
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(new Complex(double.NaN, 1)));
    }

    [Fact]
    public void WrittenValuesParseBackUnchanged()
    {
        var value = List(null, true, 1L, BigInteger.Pow(-3, 90), -0.0, double.NaN, 1e300, new Complex(-1.5, 2),
            "x'\"\\\n\u0001\udc80😀", new PyTuple(), new PyTuple("one"), Dict((1L, Set(2.5, "s")), ("k", List())));
        AssertSame(value, SerpentParser.Parse(SerpentWriter.Write(value)));
    }
}
