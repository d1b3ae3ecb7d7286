using Agenda.Core.Transfer;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// An import's report as agenda.contacts answers it:
/// <c>{'dry_run': False, 'imported': 2, 'updated': 1, 'unchanged': 0, 'contact_ids': [7, 8, 2],
/// 'skipped': [{'index': 1, 'line': 12, 'reason': '...', 'errors': None}]}</c>. A skipped card's <c>errors</c> maps each
/// invalid field's path in snake_case (<c>phones[1].number</c>) to its messages, or is None when the card could not be read.
/// </summary>
internal static class SnakeReport
{
    public static Dictionary<string, object?> ToDict(ImportReport report) => new()
    {
        ["dry_run"] = report.DryRun,
        ["imported"] = (long)report.Imported,
        ["updated"] = (long)report.Updated,
        ["unchanged"] = (long)report.Unchanged,
        ["skipped"] = report.Skipped.Select(Skipped).Cast<object?>().ToList(),
        ["contact_ids"] = report.ContactIds.Cast<object?>().ToList(),
    };

    private static Dictionary<string, object?> Skipped(SkippedCard card)
    {
        var errors = card.Errors?.ToDictionary(e => SnakeDicts.FieldName(e.Key), e => (object?)e.Value.Cast<object?>().ToList());
        return new()
        {
            ["index"] = (long)card.Index,
            ["line"] = (long)card.Line,
            // The importer's reason names fields as REST does (firstName); a Python caller reads them as its dicts do.
            ["reason"] = errors is null ? card.Reason : string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", (List<object?>)e.Value!)}")),
            ["errors"] = errors,
        };
    }
}
