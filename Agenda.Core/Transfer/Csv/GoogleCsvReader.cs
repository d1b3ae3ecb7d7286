using System.Text.Unicode;
using CsvHelper;

namespace Agenda.Core.Transfer.Csv;

/// <summary>
/// Reads a Google Contacts CSV file (either layout of <see cref="GoogleCsvColumns"/>): UTF-8 with or without a byte
/// order mark (UTF-16 with one is transcoded), CRLF or LF, RFC 4180 quoting with commas, quotes and line breaks inside
/// fields. Each data row is one card; its <see cref="ReadCard.Line"/> is the physical line it starts on, the header
/// being line 1 and every line inside a quoted field counted. A row that cannot be read gets an error and the others
/// are still read; a file without a recognisable header is one error.
/// </summary>
public sealed class GoogleCsvReader : IContactReader
{
    private const string NotAHeader =
        "Not a Google Contacts CSV file: the first line must be a header naming columns such as \"First Name\", \"Last Name\", " +
        "\"E-mail 1 - Value\" and \"Phone 1 - Value\" (or the older \"Given Name\", \"Family Name\", \"E-mail 1 - Value\").";

    public IReadOnlyList<ReadCard> Read(byte[] input)
    {
        var cards = new List<ReadCard>();
        CsvMalformedRecord? malformed = null;
        // The separator is fixed rather than detected: a Google file is comma-separated, and a file that is not
        // (a vCard sent as CSV) should fail on its header instead of being read with a guessed separator.
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', TrackLineNumbers = true, OnMalformedRecord = record => malformed = record,
        };
        using var csv = CsvReader.Create(input, options);
        try
        {
            if (GoogleCsvHeader.Recognise(csv.Headers) is not { } header) return [new ReadCard(0, 1, null, NotAHeader)];
            while (csv.Read())
            {
                var fields = new string[csv.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i) ?? "";
                if (fields.All(string.IsNullOrWhiteSpace)) continue; // spreadsheets leave rows of empty cells at the end

                var line = (int)csv.LineNumber;
                var unclosed = malformed is { Reason: CsvMalformedReason.UnterminatedQuote } m && m.LineNumber == csv.LineNumber;
                var error = unclosed ? UnclosedQuote
                    : !Utf8.IsValid(csv.RawRecord) ? NotUtf8
                    : fields.Length != header.Count ? FieldCount(header, fields.Length)
                    : null;
                cards.Add(error is null ? ReadRow(cards.Count, line, header, fields) : new ReadCard(cards.Count, line, null, error));
                malformed = null;
            }
        }
        catch (CsvFormatException e)
        {
            // Not expected with these options (in-memory input, recovering from bad quoting), but a reader must not throw.
            cards.Add(new ReadCard(cards.Count, e.LineNumber > 0 ? (int)e.LineNumber : 1, null, $"The file cannot be read as CSV: {e.Message}"));
        }
        return cards;
    }

    private static ReadCard ReadRow(int index, int line, GoogleCsvHeader header, string[] fields)
    {
        try
        {
            return new ReadCard(index, line, new GoogleCsvRow(header, fields).ToCard());
        }
        catch (FormatException e)
        {
            return new ReadCard(index, line, null, e.Message);
        }
    }

    private const string UnclosedQuote =
        "A quoted field that starts in this row is never closed, so the rest of the file was read into it. " +
        "Close the quote, or write a quote inside a field as two quotes (\"\").";

    private const string NotUtf8 = "The row is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again.";

    // A row with more or fewer fields than the header has lost its alignment: reading it would put values in the wrong columns.
    private static string FieldCount(GoogleCsvHeader header, int count) => count < header.Count
        ? $"The row has {count} fields but the header has {header.Count} columns: \"{header.NameAt(count)}\" and the columns after it are missing."
        : $"The row has {count} fields but the header has {header.Count} columns: the fields after \"{header.NameAt(header.Count - 1)}\" have no column.";
}
