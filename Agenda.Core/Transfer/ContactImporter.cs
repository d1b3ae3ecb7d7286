using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Core.Transfer;

/// <summary>
/// Imports a file in any <see cref="ContactFileFormat"/> through the store's one-transaction import, so every door
/// (REST, Python, the UI) gets the same report: a card that cannot be read or is not a valid contact is skipped alone,
/// and the others are stored together or, when the commit fails, not at all.
/// </summary>
public sealed class ContactImporter(IContactStore store)
{
    public async Task<ImportReport> ImportAsync(
        ContactFileFormat format, byte[] input, bool dryRun, WriteOrigin origin, CancellationToken ct = default)
    {
        var read = format.Reader.Read(input);
        var readable = read.Where(r => r.Card is not null).ToList();
        var outcomes = await store.ImportAsync([.. readable.Select(r => r.Card!)], dryRun, origin, ct);

        var skipped = read.Where(r => r.Card is null).Select(r => new SkippedCard(r.Index, r.Line, r.Error ?? "unreadable card"))
            .Concat(outcomes.Where(o => o.Result == ImportResult.Invalid).Select(o =>
                new SkippedCard(readable[o.Index].Index, readable[o.Index].Line, Describe(o.Errors!), o.Errors)))
            .OrderBy(s => s.Index).ToList();
        return new ImportReport(dryRun,
            outcomes.Count(o => o.Result == ImportResult.Created),
            outcomes.Count(o => o.Result == ImportResult.Updated),
            outcomes.Count(o => o.Result == ImportResult.Unchanged),
            skipped)
        {
            ContactIds = [.. outcomes.Where(o => o.Result is ImportResult.Created or ImportResult.Updated && o.Id is not null).Select(o => o.Id!.Value)],
        };
    }

    /// <summary>Writes every contact matching <paramref name="filter"/>, in id order, as they are read.</summary>
    public Task ExportAsync(ContactFileFormat format, ContactFilter? filter, TextWriter output, CancellationToken ct = default) =>
        format.Writer.WriteAsync(store.ReadAllAsync(filter, ct), output, ct);

    // "phones[1].number: Phone number must contain at least 3 digits." — the paths as REST and Python spell them.
    private static string Describe(IReadOnlyDictionary<string, string[]> errors) => string.Join("; ", errors.Select(e =>
        $"{ContactFieldPath.Respell(e.Key, JsonNamingPolicy.CamelCase.ConvertName)}: {string.Join(" ", e.Value)}"));
}
