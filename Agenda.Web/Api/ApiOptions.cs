namespace Agenda.Web.Api;

/// <summary>Bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body /api reads; bigger bodies get 413. A contact is well under 1 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest file an import reads (<c>POST /api/contacts/import</c> and the UI's Import); bigger ones get 413. A whole phone book is a few MiB, more
    /// with photos; the file is held in memory while it is read, so this is also what one import may cost.
    /// </summary>
    public int MaxImportBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// How many <c>GET /api/contacts/changes</c> streams may be open at once; one more gets 503. Each holds a connection
    /// and a queue of up to <see cref="ChangeStreams.QueueCapacity"/> changes for as long as its reader stays.
    /// </summary>
    public int MaxChangeStreams { get; set; } = 100;
}
