using System.Security.Cryptography;
using Agenda.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Instances;

/// <summary>
/// This Agenda process among the others that share its PostgreSQL database (a singleton; on SQLite there is only one).
/// <list type="bullet">
/// <item><see cref="Name"/> is what people call it: <c>Storage:InstanceName</c>, or the machine name and process id.
/// Two processes may be given the same name by mistake, so nothing relies on it being unique.</item>
/// <item><see cref="Id"/> is the name and a random suffix, new at every start: unique among everything that ever ran
/// on the database, so a restarted instance is not mistaken for its predecessor (whose change notices, name-server
/// entries and leases are not its own). Change notices carry it so an instance can skip its own.</item>
/// </list>
/// </summary>
public sealed class AgendaInstance
{
    public const string NameSetting = StorageOptions.SectionName + ":InstanceName";

    // Change notices carry the id; a short one keeps them far below PostgreSQL's 8,000-byte payload limit.
    public const int MaxNameLength = 64;

    private AgendaInstance(string name)
    {
        Name = name;
        Id = $"{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }

    public string Name { get; }

    public string Id { get; }

    /// <exception cref="StorageStartupException">A name that is empty, too long or not plain text.</exception>
    public static AgendaInstance From(IConfiguration configuration)
    {
        var configured = configuration[NameSetting];
        if (configured is null) return new AgendaInstance(Truncate($"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}"));
        if (configured.Length is 0 or > MaxNameLength || !configured.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new StorageStartupException(
                $"{NameSetting} '{configured}' is not an instance name: use 1 to {MaxNameLength} letters, digits, '-', '_' or '.' (like agenda-1).");
        return new AgendaInstance(configured);
    }

    public override string ToString() => Id;

    private static string Truncate(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
