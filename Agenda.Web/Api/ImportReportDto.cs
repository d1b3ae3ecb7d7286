using System.Text.Json;
using System.Text.Json.Serialization;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer;

namespace Agenda.Web.Api;

/// <summary>
/// The body of <c>POST /api/contacts/import</c>: how many cards created a contact (<c>imported</c>), replaced the card of
/// the contact with their UID (<c>updated</c>) or matched it exactly (<c>unchanged</c>); each card left out; and the ids
/// of the contacts created or updated, in file order. With <c>dryRun</c> nothing was stored and new contacts have no id.
/// </summary>
public sealed record ImportReportDto(
    bool DryRun, int Imported, int Updated, int Unchanged, IReadOnlyList<SkippedCardDto> Skipped, IReadOnlyList<long> ContactIds)
{
    public static ImportReportDto From(ImportReport report) => new(report.DryRun, report.Imported, report.Updated, report.Unchanged,
        [.. report.Skipped.Select(SkippedCardDto.From)], report.ContactIds);
}

/// <summary>
/// A card left out of an import: <c>index</c> counts the file's cards (or CSV data rows) from 0, <c>line</c> is the
/// 1-based line where it starts, <c>reason</c> says why in one line. <c>errors</c>, present when the card was read but is
/// not a valid contact, lists the messages by field path as the rest of the API spells them (<c>phones[1].number</c>).
/// </summary>
public sealed record SkippedCardDto(
    int Index, int Line, string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors)
{
    public static SkippedCardDto From(SkippedCard card) => new(card.Index, card.Line, card.Reason,
        card.Errors?.ToDictionary(e => ContactFieldPath.Respell(e.Key, JsonNamingPolicy.CamelCase.ConvertName), e => e.Value));
}
