namespace Agenda.Rmi.Serialization;

/// <summary>The serializers this server speaks, by header id. Pickle, dill, marshal and the rest are never decoded.</summary>
public sealed class PyroSerializers
{
    private static readonly Dictionary<ushort, string> KnownNames = new()
    {
        [1] = "serpent", [2] = "json", [3] = "marshal", [4] = "pickle", [5] = "dill", [6] = "msgpack", [7] = "cloudpickle",
    };

    private readonly Dictionary<ushort, IPyroSerializer> _byId;

    public PyroSerializers(IEnumerable<IPyroSerializer> serializers) =>
        _byId = serializers.ToDictionary(s => s.Id);

    /// <summary>Every serializer Agenda implements.</summary>
    public static PyroSerializers Default { get; } = new([SerpentPyroSerializer.Instance, JsonPyroSerializer.Instance]);

    public IEnumerable<IPyroSerializer> All => _byId.Values.OrderBy(s => s.Id);

    /// <summary>Pyro4's name for a serializer id ("pickle" for 4), known to this server or not.</summary>
    public static string NameOf(ushort id) => KnownNames.TryGetValue(id, out var name) ? name : $"serializer {id}";

    public IPyroSerializer? Find(ushort id) => _byId.GetValueOrDefault(id);

    public IPyroSerializer Get(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"unknown serializer '{name}'", nameof(name));

    /// <summary>
    /// CONNECTFAIL text for a refused serializer. It starts like Pyro4's own and names what is accepted, because it is
    /// what the Python user reads ("connection to ... rejected: ...").
    /// </summary>
    public string RefusalText(ushort id) =>
        $"message used serializer that is not accepted: {id}{(KnownNames.TryGetValue(id, out var name) ? $" ({name})" : "")}; " +
        $"this server accepts {string.Join(" and ", All.Select(s => $"{s.Name} ({s.Id})"))} - set PYRO_SERIALIZER accordingly";
}
