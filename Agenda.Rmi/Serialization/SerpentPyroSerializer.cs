using Agenda.Rmi.Buffers;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;

namespace Agenda.Rmi.Serialization;

/// <summary>
/// Pyro4's default serializer (id 1) over Agenda's serpent codec. A call is the 4-tuple
/// <c>(objectId, method, vargs, kwargs)</c> (§3.1); vargs may be a tuple or a list, kwargs None.
/// </summary>
public sealed class SerpentPyroSerializer(SerpentLimits? limits = null) : IPyroSerializer
{
    public static readonly SerpentPyroSerializer Instance = new();

    public ushort Id => 1;
    public string Name => "serpent";

    public byte[] Serialize(object? value) => SerpentWriter.Write(value);

    public ValueTask SerializeAsync(object? value, PooledBuffer output, CancellationToken ct) => SerpentWriter.WriteAsync(output, value, ct);

    public object? Deserialize(ReadOnlySpan<byte> data) => SerpentParser.Parse(data, limits);

    public byte[] SerializeCall(PyroCall call) =>
        Serialize(new PyTuple(call.ObjectId, call.Method, new PyTuple([.. call.Positional]), call.Keywords));

    public PyroCall DeserializeCall(ReadOnlySpan<byte> data) => Deserialize(data) switch
    {
        IReadOnlyList<object?> { Count: 4 } call => PyroCall.From(call[0], call[1], call[2], call[3]),
        _ => throw new FormatException("invalid call: (object, method, vargs, kwargs) expected"),
    };
}
