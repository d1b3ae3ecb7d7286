using Agenda.Core.Transfer.VCard;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer;

/// <summary>The import and export formats, by the name <c>?format=</c> uses and by media type.</summary>
public static class ContactFileFormats
{
    /// <summary>vCard 4.0 (RFC 6350); imports 2.1, 3.0 and 4.0.</summary>
    public static ContactFileFormat VCard { get; } =
        new("vcard", "text/vcard", ".vcf", new VCardContactReader(), new VCardContactWriter(VCardVersion.V4));

    /// <summary>vCard 3.0 (RFC 2426), for phones that import it best; imports like <see cref="VCard"/>.</summary>
    public static ContactFileFormat VCard3 { get; } =
        new("vcard3", "text/vcard", ".vcf", new VCardContactReader(), new VCardContactWriter(VCardVersion.V3));

    /// <summary>Google Contacts CSV (the current export layout; imports the older one too).</summary>
    public static ContactFileFormat Csv => Transfer.Csv.GoogleCsvFormat.Format;

    /// <summary>Every format, the default of each media type first.</summary>
    public static IReadOnlyList<ContactFileFormat> All { get; } = [VCard, VCard3, Csv];

    // Older names of the same media types, still sent by some programs.
    private static readonly Dictionary<string, string> MediaTypeAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/x-vcard"] = "text/vcard",
        ["text/directory"] = "text/vcard",
    };

    /// <summary>Every media type an import takes: each format's, then the older names (<c>text/x-vcard</c>, ...).</summary>
    public static IReadOnlyList<string> ImportMediaTypes { get; } = [.. All.Select(f => f.MediaType).Distinct(), .. MediaTypeAliases.Keys];

    /// <summary>The format with this name (<c>vcard</c>, <c>VCard3</c>), or null.</summary>
    public static ContactFileFormat? Find(string? name) =>
        All.FirstOrDefault(f => f.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The first format with this media type, parameters ignored (<c>text/vcard; charset=utf-8</c>), or null.</summary>
    public static ContactFileFormat? FindByMediaType(string? mediaType)
    {
        var type = (mediaType ?? "").Split(';')[0].Trim();
        type = MediaTypeAliases.GetValueOrDefault(type, type);
        return All.FirstOrDefault(f => f.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase));
    }
}
