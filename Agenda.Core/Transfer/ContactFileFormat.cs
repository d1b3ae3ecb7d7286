using Agenda.Core.Contacts;

namespace Agenda.Core.Transfer;

/// <summary>
/// One card of an import file as read: the card, or why it could not be read. <paramref name="Index"/> counts the file's
/// cards (vCards, or CSV data rows) from 0; <paramref name="Line"/> is the 1-based line where it starts.
/// </summary>
public sealed record ReadCard(int Index, int Line, ContactCard? Card, string? Error = null);

/// <summary>Reads a whole import file. A card that cannot be read is returned with its error; the others are still read.</summary>
public interface IContactReader
{
    IReadOnlyList<ReadCard> Read(byte[] input);
}

/// <summary>Writes contacts as they arrive, so an export of the whole book never holds it in memory.</summary>
public interface IContactWriter
{
    Task WriteAsync(IAsyncEnumerable<Contact> contacts, TextWriter output, CancellationToken ct = default);
}

/// <summary>An import and export format: its name in <c>?format=</c>, its media type and file extension.</summary>
public sealed record ContactFileFormat(string Name, string MediaType, string FileExtension, IContactReader Reader, IContactWriter Writer);
