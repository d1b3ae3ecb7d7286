using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Storage;

/// <summary>
/// This Agenda process among the instances that share one database: a <see cref="Name"/> people read (the name
/// server's per-instance names, the UI's instance list) from <c>Storage:InstanceName</c>, else the machine name and a
/// random suffix; and an <see cref="Id"/> new at every start, so a restarted instance is never taken for its previous
/// incarnation.
/// </summary>
public sealed record AgendaInstance(Guid Id, string Name)
{
    public const string NameSetting = "Storage:InstanceName";

    public static AgendaInstance From(IConfiguration configuration)
    {
        var id = Guid.NewGuid();
        var configured = configuration[NameSetting]?.Trim();
        return new AgendaInstance(id, string.IsNullOrEmpty(configured)
            ? $"{Environment.MachineName.ToLowerInvariant()}-{id.ToString("n")[..6]}"
            : configured);
    }
}
