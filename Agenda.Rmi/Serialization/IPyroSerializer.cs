namespace Agenda.Rmi.Serialization;

/// <summary>
/// One of Pyro4's payload formats over the shared value model (<see cref="Serpent.PyValue"/>). Implementations are
/// stateless and thread-safe. Decoding errors throw exceptions whose message the daemon passes on to the Python caller.
/// </summary>
public interface IPyroSerializer
{
    /// <summary>The serializer id of the message header (serpent 1, json 2).</summary>
    ushort Id { get; }

    /// <summary>Pyro4's name for it, as in <c>PYRO_SERIALIZER</c>.</summary>
    string Name { get; }

    byte[] Serialize(object? value);

    /// <summary>
    /// Writes <paramref name="value"/> onto <paramref name="output"/>: the daemon's replies. A <see cref="Python.PyListStream"/>
    /// as the whole value is written as a list, item by item as they arrive; errors of its source come out as they are.
    /// </summary>
    ValueTask SerializeAsync(object? value, Buffers.PooledBuffer output, CancellationToken ct);

    object? Deserialize(ReadOnlySpan<byte> data);

    /// <summary>The INVOKE payload: a 4-tuple for serpent, a dict with object/method/params/kwargs for json (§3.1).</summary>
    byte[] SerializeCall(PyroCall call);

    PyroCall DeserializeCall(ReadOnlySpan<byte> data);
}
