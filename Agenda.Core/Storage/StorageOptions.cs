namespace Agenda.Core.Storage;

/// <summary>Bound from the <c>Storage</c> section; the connection string itself is <c>ConnectionStrings:Agenda</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "Agenda";
    public const string DefaultConnectionString = "Data Source=data/agenda.db";

    /// <summary>Database provider. Only <c>Sqlite</c> today; PostgreSQL plugs in behind the same store.</summary>
    public string Provider { get; set; } = "Sqlite";
}
