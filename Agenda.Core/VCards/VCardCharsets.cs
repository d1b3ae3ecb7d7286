using System.Text;

namespace Agenda.Core.VCards;

/// <summary>The CHARSET parameter's names as System.Text encodings, including the Windows code pages Outlook writes.</summary>
internal static class VCardCharsets
{
    static VCardCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(string? charset, int lineNumber)
    {
        if (string.IsNullOrEmpty(charset)) return Encoding.UTF8;
        try { return Encoding.GetEncoding(charset); }
        catch (ArgumentException) { throw new VCardFormatException($"unknown CHARSET '{charset}'", lineNumber); }
    }
}
