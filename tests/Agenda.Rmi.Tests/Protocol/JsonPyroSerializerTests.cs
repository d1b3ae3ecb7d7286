using System.Numerics;
using System.Text;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Tests.Protocol;

public class JsonPyroSerializerTests
{
    private static readonly JsonPyroSerializer Json = JsonPyroSerializer.Instance;

    private static object? Read(string json) => Json.Deserialize(Encoding.UTF8.GetBytes(json));
    private static string Write(object? value) => Encoding.UTF8.GetString(Json.Serialize(value));

    [Fact]
    public void BareNonFiniteTokensFromPythonAreRead()
    {
        var values = Assert.IsType<List<object?>>(Read("[NaN, Infinity, -Infinity, 1.5]"));

        Assert.True(double.IsNaN((double)values[0]!));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, 1.5], values.Skip(1).Cast<double>());
    }

    [Fact]
    public void IntegersStayIntegersAndHugeOnesBecomeBigIntegers()
    {
        var values = Assert.IsType<List<object?>>(Read("[1, -7, 123456789012345678901234567890]"));

        Assert.Equal(1L, values[0]);
        Assert.Equal(-7L, values[1]);
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), values[2]);
    }

    [Fact]
    public void PythonStyleCallIsDecodedWithNullKwargs()
    {
        var call = Json.DeserializeCall("""{"object": "thing", "method": "<batch>", "params": [["echo", [1], {}]], "kwargs": null}"""u8);

        Assert.Equal(("thing", "<batch>", 1, 0), (call.ObjectId, call.Method, call.Positional.Count, call.Keywords.Count));
    }

    [Fact]
    public void FloatsKeepAFractionAndNonFiniteOnesUsePythonTokens()
    {
        Assert.Equal("[1.0,0.5,NaN,-Infinity]", Write(new object[] { 1.0, 0.5, double.NaN, double.NegativeInfinity }));
    }

    [Fact]
    public void TuplesAndSetsBecomeArraysAndKeysStrings()
    {
        var dict = new Dictionary<object, object?> { [1L] = new PyTuple("a", 2L), [true] = null };

        Assert.Equal("""{"1":["a",2],"true":null}""", Write(dict));
    }

    [Theory]
    [InlineData("{\"a\": 1")]
    [InlineData("[1 2]")]
    [InlineData("'single'")]
    [InlineData("[1] x")]
    public void MalformedJsonIsAFormatException(string json)
    {
        Assert.Throws<FormatException>(() => Read(json));
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRefused()
    {
        Assert.Throws<FormatException>(() => Read(new string('[', 500) + new string(']', 500)));
    }
}
