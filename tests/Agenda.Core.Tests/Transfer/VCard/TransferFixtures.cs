using System.Text;
using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer;
using Agenda.Core.Transfer.VCard;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>The hand-written exporter files in Transfer/Fixtures, and the import and export steps every test repeats.</summary>
internal static class TransferFixtures
{
    public const string Ios = "ios-macos-3.0.vcf", Google = "google-3.0.vcf", Outlook = "outlook-2.1.vcf",
        Rfc6350 = "rfc6350-4.0.vcf", CjkEmoji = "cjk-emoji.vcf";

    public static readonly string[] Names = [Ios, Google, Outlook, Rfc6350, CjkEmoji];

    public static readonly DateTime Revised = new(2026, 5, 17, 10, 30, 0, DateTimeKind.Utc);

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(TestPaths.Root, "tests", "Agenda.Core.Tests", "Transfer", "Fixtures", name));

    /// <summary>Every card of the file, each asserted to have been read.</summary>
    public static IReadOnlyList<ContactCard> Import(byte[] input)
    {
        var read = new VCardContactReader().Read(input);
        Assert.All(read, r => Assert.True(r.Card is not null, $"card {r.Index} at line {r.Line}: {r.Error}"));
        return [.. read.Select(r => r.Card!)];
    }

    public static IReadOnlyList<ContactCard> Import(string text) => Import(Encoding.UTF8.GetBytes(text));

    public static ContactCard ImportOne(string text) => Assert.Single(Import(text));

    public static async Task<string> ExportAsync(IEnumerable<ContactCard> cards, VCardVersion version)
    {
        var output = new StringWriter();
        await new VCardContactWriter(version).WriteAsync(AsContacts(cards), output);
        return output.ToString();
    }

    public static async IAsyncEnumerable<Contact> AsContacts(IEnumerable<ContactCard> cards)
    {
        long id = 0;
        foreach (var card in cards)
        {
            await Task.Yield();
            yield return new Contact(id++, card, 1, Revised, Revised);
        }
    }

    /// <summary>A card as indented JSON, so a failed comparison shows which field differs.</summary>
    public static string Json(IEnumerable<ContactCard> cards) =>
        JsonSerializer.Serialize(cards, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A vCard from lines written here with LF, on the wire with CRLF.</summary>
    public static string Card(string version, params string[] lines) =>
        string.Concat(new[] { "BEGIN:VCARD", "VERSION:" + version }.Concat(lines).Append("END:VCARD").Select(l => l + "\r\n"));
}
