namespace Agenda.Core.Transfer;

/// <summary>
/// What an import did (or, with <see cref="DryRun"/>, would do): how many cards created a contact, updated the contact
/// with their UID, or matched it exactly; and each card skipped, with where it is and why.
/// </summary>
public sealed record ImportReport(bool DryRun, int Imported, int Updated, int Unchanged, IReadOnlyList<SkippedCard> Skipped)
{
    /// <summary>The contacts created or updated, in file order (empty for a dry run's new contacts, which have no id yet).</summary>
    public IReadOnlyList<long> ContactIds { get; init; } = [];
}

/// <summary>
/// A card left out of an import. <see cref="Index"/> counts the file's cards from 0 and <see cref="Line"/> is the 1-based
/// line where it starts. <see cref="Errors"/> holds the validation messages by field path (store spelling,
/// <c>Phones[1].Number</c>) when the card was read but is not a valid contact; <see cref="Reason"/> says it in one line.
/// </summary>
public sealed record SkippedCard(int Index, int Line, string Reason, IReadOnlyDictionary<string, string[]>? Errors = null);
