namespace Agenda.Core.Transfer.Csv;

/// <summary>The Google Contacts CSV format: <c>?format=csv</c>, <c>text/csv</c>, <c>.csv</c>.</summary>
public static class GoogleCsvFormat
{
    public static ContactFileFormat Format { get; } = new("csv", "text/csv", ".csv", new GoogleCsvReader(), new GoogleCsvWriter());
}
