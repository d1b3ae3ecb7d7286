using Agenda.Core.Contacts;
using CsvHelper;

namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// Writes contacts in the current Google Contacts CSV layout (<see cref="GoogleCsvExportColumns"/>) as they arrive:
/// UTF-8, CRLF after each row (RFC 4180), fields quoted only when they hold a comma, a quote or a line break.
/// The layout has no place for the kept vCard properties (<see cref="ContactCard.VCardExtras"/>), so they are left
/// out; and Google's cell conventions cannot escape themselves, so a value holding " ::: " reads back as several
/// values, and a label starting with "*" reads back as primary.
/// </summary>
public sealed class GoogleCsvWriter : IContactWriter
{
    // A byte order mark first: Excel, where most people open a .csv, reads UTF-8 without one as the local code page
    // and garbles every accent, CJK name and emoji; Google Contacts' import and Agenda's reader both accept it.
    private const char ByteOrderMark = '\uFEFF';

    // Values are written as they are, with no guard against spreadsheet formulas: "+" starts every international
    // phone number, and a guard's leading quote would become part of the number in Google Contacts.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default;

    public async Task WriteAsync(IAsyncEnumerable<Contact> contacts, TextWriter output, CancellationToken ct = default)
    {
        await output.WriteAsync(ByteOrderMark);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await csv.WriteRecordAsync(GoogleCsvExportColumns.Header(), ct);
        await foreach (var contact in contacts.WithCancellation(ct))
            await csv.WriteRecordAsync(GoogleCsvExportColumns.Row(contact.Card), ct);
        await csv.FlushAsync(ct);
    }
}
