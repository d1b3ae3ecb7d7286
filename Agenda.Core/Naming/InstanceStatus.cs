namespace Agenda.Core.Naming;

/// <summary>An instance as the <c>Instances</c> table has it: where its name server and objects daemon listen, and its lease.</summary>
public sealed record InstanceStatus(
    string Id, string Name, string NameServerUri, string DaemonUri, DateTime StartedAt, DateTime RenewedAt, DateTime LeaseExpiresAt)
{
    /// <summary>Its names are listed and looked up only while this holds.</summary>
    public bool IsAliveAt(DateTime now) => LeaseExpiresAt > now;
}
