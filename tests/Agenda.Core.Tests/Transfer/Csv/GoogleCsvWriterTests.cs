using Agenda.Core.Contacts;
using Agenda.Core.Transfer.Csv;

namespace Agenda.Core.Tests.Transfer.Csv;

public class GoogleCsvWriterTests
{
    internal static async Task<string> ExportAsync(params ContactCard[] cards)
    {
        var output = new StringWriter();
        await new GoogleCsvWriter().WriteAsync(cards.Select((c, i) => new Contact(i, c, 1, DateTime.UnixEpoch, DateTime.UnixEpoch)).ToAsyncEnumerable(), output);
        return output.ToString();
    }

    [Fact]
    public async Task TheExportStartsWithAByteOrderMarkAndTheCurrentGoogleHeader()
    {
        var text = await ExportAsync(ContactCard.Simple("Ana", "Silva", "69 98405-9615", "ana@example.com"));
        Assert.StartsWith(
            "\uFEFFFirst Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix," +
            "Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels," +
            "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,", text);
        var header = text[1..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(',');
        Assert.Contains("Address 20 - Label,Address 20 - Formatted,Address 20 - Street,Address 20 - City,Address 20 - PO Box," +
            "Address 20 - Region,Address 20 - Postal Code,Address 20 - Country,Address 20 - Extended Address,Website 1 - Label", text);
        Assert.EndsWith("Website 20 - Value,Event 1 - Label,Event 1 - Value,Custom Field 1 - Label,Custom Field 1 - Value", string.Join(',', header));
        // 17 single columns, 20 e-mails, phones and websites of 2 columns, 20 addresses of 9, one event and one custom field.
        Assert.Equal(17 + 3 * 20 * 2 + 20 * 9 + 2 + 2, header.Length);
    }

    [Fact]
    public async Task RowsEndWithCrlfAndOnlyFieldsThatNeedItAreQuoted()
    {
        var card = ContactCard.Simple("Ana", "Silva, \"a Ana\"", "+55 69 98405-9615", "ana@example.com") with
        {
            Notes = "linha 1\nlinha 2", Groups = ["Amigos"], Favorite = true, Uid = "u-1",
        };
        var row = (await ExportAsync(card)).Split("\r\n")[1];
        Assert.StartsWith("Ana,,\"Silva, \"\"a Ana\"\"\",,,,,,,,,,,,\"linha 1\nlinha 2\",,* myContacts ::: Amigos ::: * starred," +
            "* Home,ana@example.com,,", row);
        Assert.Contains(",* Mobile,+55 69 98405-9615,", row);
        Assert.EndsWith(",Agenda UID,u-1", row);
    }

    [Fact]
    public async Task AnEmptyBookIsTheHeaderAlone()
    {
        var text = await ExportAsync();
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith("Custom Field 1 - Value\r\n", text);
    }
}
