using System.Text;
using Agenda.Core.Transfer;
using Agenda.Web.Components.Transfer;

namespace Agenda.Web.Tests.Transfer;

/// <summary>Which format the UI reads a file as: its extension, else a vCard's first line.</summary>
public sealed class ImportFileFormatTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("First Name,Last Name\r\nAna,Lima\r\n");
    private static readonly byte[] VCard = Encoding.UTF8.GetBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n");

    [Theory]
    [InlineData("contacts.vcf", "vcard")]
    [InlineData("CONTACTS.VCF", "vcard")]
    [InlineData("iCloud vCards.vcard", "vcard")]
    [InlineData("google.csv", "csv")]
    [InlineData("Google.CSV", "csv")]
    public void TheExtensionDecidesWhateverTheContent(string name, string format)
    {
        Assert.Equal(format, ImportFileFormat.Of(name, Csv)?.Name);
        Assert.Equal(format, ImportFileFormat.Of(name, VCard)?.Name);
    }

    [Fact]
    public void AFileNamedOtherwiseIsAVCardWhenItStartsWithBeginVCardInAnyCaseOrEncoding()
    {
        Assert.Same(ContactFileFormats.VCard, ImportFileFormat.Of("contacts.txt", VCard));
        Assert.Same(ContactFileFormats.VCard, ImportFileFormat.Of("attachment", Encoding.UTF8.GetBytes("\r\n  begin:vcard\r\n")));
        Assert.Same(ContactFileFormats.VCard, ImportFileFormat.Of("outlook.txt", [.. Encoding.UTF8.Preamble, .. VCard]));
        Assert.Same(ContactFileFormats.VCard, ImportFileFormat.Of("android", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("BEGIN:VCARD\r\n")]));
    }

    [Fact]
    public void AFileNamedOtherwiseWithOtherContentIsNeither()
    {
        Assert.Null(ImportFileFormat.Of("contacts.txt", Csv));
        Assert.Null(ImportFileFormat.Of("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]));
        Assert.Null(ImportFileFormat.Of("empty", []));
        Assert.Null(ImportFileFormat.Of("notes.txt", Encoding.UTF8.GetBytes("My contacts:\r\nBEGIN:VCARD\r\n")));
    }
}
