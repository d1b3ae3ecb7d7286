namespace Agenda.Web.Api;

/// <summary>Bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body /api reads; bigger bodies get 413. A contact is well under 1 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest vCard or CSV file an import reads (REST and the UI): a phone's whole address book with photos.</summary>
    public int MaxImportBytes { get; set; } = 32 * 1024 * 1024;
}
