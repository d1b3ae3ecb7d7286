using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>
/// Writes contacts as vCard 4.0 (the default) or 3.0 (what many phones import best): CRLF, folded at 75 octets.
/// Card by card, each written with one asynchronous call, so a whole book streams to an HTTP response (which refuses
/// synchronous writes) without ever being held in memory.
/// </summary>
public sealed class VCardContactWriter(VCardVersion version = VCardVersion.V4) : IContactWriter
{
    public VCardVersion Version => version;

    public async Task WriteAsync(IAsyncEnumerable<Contact> contacts, TextWriter output, CancellationToken ct = default)
    {
        var card = new StringWriter();
        await foreach (var contact in contacts.WithCancellation(ct))
        {
            ct.ThrowIfCancellationRequested(); // between cards, whatever the contacts' source and the output do with the token
            card.GetStringBuilder().Clear();
            VCardWriter.Write(card, [ContactToVCard.Map(contact.Card, version, contact.UpdatedAt)], version);
            await output.WriteAsync(card.GetStringBuilder(), ct);
        }
        await output.FlushAsync(ct);
    }
}
