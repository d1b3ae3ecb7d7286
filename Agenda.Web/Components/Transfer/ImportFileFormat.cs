using System.Text;
using Agenda.Core.Transfer;

namespace Agenda.Web.Components.Transfer;

/// <summary>
/// Which format a file brought to the import is in. The extension says first, as it does for people:
///
/// | name ends in      | format                                    |
/// |-------------------|-------------------------------------------|
/// | .vcf, .vcard      | vCard (2.1, 3.0 and 4.0 all read alike)   |
/// | .csv              | Google Contacts CSV                       |
/// | anything else     | vCard when the text starts BEGIN:VCARD    |
///
/// Phones and mail programs save vCards under other names (contacts.txt, an attachment without an extension), and
/// the first line gives them away; a CSV file has no such mark, so an unknown name with other content is refused.
/// </summary>
public static class ImportFileFormat
{
    private const string VCardStart = "BEGIN:VCARD";

    // Enough for a byte order mark, blank lines and the first line, in UTF-8 or UTF-16.
    private const int SniffBytes = 256;

    /// <summary>The format of <paramref name="fileName"/> holding <paramref name="content"/>, or null when neither.</summary>
    public static ContactFileFormat? Of(string fileName, byte[] content) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".vcf" or ".vcard" => ContactFileFormats.VCard,
            ".csv" => ContactFileFormats.Csv,
            _ => StartsAsVCard(content) ? ContactFileFormats.VCard : null,
        };

    private static bool StartsAsVCard(byte[] content)
    {
        using var head = new StreamReader(new MemoryStream(content, 0, Math.Min(content.Length, SniffBytes)),
            Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return head.ReadToEnd().TrimStart().StartsWith(VCardStart, StringComparison.OrdinalIgnoreCase);
    }
}
