using Agenda.Core.Transfer;
using Agenda.Core.Transfer.VCard;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.Transfer;

public class ContactFileFormatsTests
{
    [Theory]
    [InlineData("vcard", "vcard")]
    [InlineData("VCard", "vcard")]
    [InlineData(" vcard3 ", "vcard3")]
    public void FormatsAreFoundByNameInAnyCase(string name, string found) => Assert.Equal(found, ContactFileFormats.Find(name)?.Name);

    [Theory]
    [InlineData("vcard4")]
    [InlineData("")]
    [InlineData(null)]
    public void AnUnknownNameFindsNothing(string? name) => Assert.Null(ContactFileFormats.Find(name));

    [Theory]
    [InlineData("text/vcard")]
    [InlineData("TEXT/VCARD; charset=utf-8")]
    [InlineData("text/x-vcard")]
    [InlineData("text/directory; profile=vCard")]
    public void AVCardMediaTypeFindsTheDefaultVCardFormat(string mediaType) =>
        Assert.Same(ContactFileFormats.VCard, ContactFileFormats.FindByMediaType(mediaType));

    [Theory]
    [InlineData("text/csv")]
    [InlineData("text/csv; charset=utf-8")]
    public void TheCsvMediaTypeFindsGoogleCsv(string mediaType)
    {
        Assert.Same(ContactFileFormats.Csv, ContactFileFormats.FindByMediaType(mediaType));
        Assert.Same(ContactFileFormats.Csv, ContactFileFormats.Find("CSV"));
        Assert.Equal(".csv", ContactFileFormats.Csv.FileExtension);
    }

    [Fact]
    public void AnotherMediaTypeFindsNothing() => Assert.Null(ContactFileFormats.FindByMediaType("application/pdf"));

    [Fact]
    public void VCardFormatsWriteTheirVersionToVcfFiles()
    {
        Assert.Equal([("vcard", "text/vcard", ".vcf", VCardVersion.V4), ("vcard3", "text/vcard", ".vcf", VCardVersion.V3)],
            ContactFileFormats.All.Where(f => f.Writer is VCardContactWriter)
                .Select(f => (f.Name, f.MediaType, f.FileExtension, ((VCardContactWriter)f.Writer).Version)));
        Assert.All(ContactFileFormats.All.Where(f => f.Name.StartsWith("vcard")), f => Assert.IsType<VCardContactReader>(f.Reader));
    }
}
