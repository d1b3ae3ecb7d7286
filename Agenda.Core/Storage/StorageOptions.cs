namespace Agenda.Core.Storage;

/// <summary>Bound from the <c>Storage</c> section; the connection string itself is <c>ConnectionStrings:Agenda</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "Agenda";
    public const string ConnectionStringSetting = "ConnectionStrings:" + ConnectionStringName;
    public const string DefaultConnectionString = "Data Source=data/agenda.db";

    /// <summary>
    /// <c>Sqlite</c> (a file, one Agenda process per file) or <c>Postgres</c> (a server that several Agenda processes
    /// may share; <c>ConnectionStrings:Agenda</c> is then an Npgsql connection string). Any case.
    /// </summary>
    public string Provider { get; set; } = "Sqlite";
}
