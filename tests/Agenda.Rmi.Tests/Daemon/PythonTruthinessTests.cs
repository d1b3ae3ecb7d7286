using System.Numerics;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Tests.Daemon;

public class PythonTruthinessTests
{
    public static TheoryData<object?, bool> Values => new()
    {
        { null, false }, { false, false }, { true, true }, { 0L, false }, { -1L, true }, { 0.0, false }, { 0.5, true },
        { BigInteger.Zero, false }, { BigInteger.Pow(2, 80), true }, { Complex.Zero, false }, { new Complex(0, 1), true },
        { "", false }, { "x", true }, { Array.Empty<byte>(), false }, { new byte[] { 0 }, true },
        { new PyTuple(), false }, { new PyTuple(0L), true }, { new List<object?>(), false }, { new List<object?> { null }, true },
        { new HashSet<object>(), false }, { new HashSet<object> { 1L }, true },
        { new Dictionary<object, object?>(), false }, { new Dictionary<object, object?> { ["k"] = null }, true },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ValuesAreTrueOrFalseAsPythonBoolSaysThey(object? value, bool expected) =>
        Assert.Equal(expected, PythonTypes.IsTruthy(value));
}
