namespace Agenda.Core.Naming;

/// <summary>
/// One live (or lately live) Agenda instance on a shared database: where its Pyro listeners are and until when its
/// lease holds. Deleting the row deletes every <see cref="SharedNameRow"/> it owns (ON DELETE CASCADE).
/// </summary>
internal sealed class InstanceRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameServerUri { get; set; } = "";
    public string DaemonUri { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime RenewedAt { get; set; }
    public DateTime LeaseExpiresAt { get; set; }
}
