namespace Agenda.Core.Naming;

/// <summary>
/// One registration of the shared name server: a name, the URI string as registered, its metadata tags, and the
/// instance that owns it (its own objects) or none (what clients register, such as Python daemons).
/// <see cref="Position"/> keeps Pyro's listing order: registration order, and a re-registered name keeps its place.
/// </summary>
internal sealed class SharedNameRow
{
    public string Name { get; set; } = "";
    public string Uri { get; set; } = "";
    public string[] Metadata { get; set; } = [];
    public string? OwnerId { get; set; }
    public InstanceRow? Owner { get; set; }
    public DateTime RegisteredAt { get; set; }
    public long Position { get; set; }
}
