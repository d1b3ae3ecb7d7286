using Agenda.Core.Contacts;

namespace Agenda.Core.Storage;

/// <summary>
/// Which contacts a list, count or export wants. <see cref="Search"/> matches every text field case-insensitively and
/// the digits of every phone number; <see cref="Group"/> is one group's name (any case); <see cref="Favorite"/> true
/// keeps only favourites, false only the others. A bare string converts to a search.
/// </summary>
public sealed record ContactFilter(string? Search = null, string? Group = null, bool? Favorite = null)
{
    public static readonly ContactFilter All = new();

    public static implicit operator ContactFilter(string? search) => new(search);

    /// <summary>
    /// Whether the store lists <paramref name="card"/> under this filter, decided as the store decides the favourite and
    /// group parts (<see cref="ContactSearch.Apply"/>); null when those pass and a search remains, which only the store
    /// decides (its indexes fold text their own way). For pages that apply a change without asking the store.
    /// </summary>
    public bool? Matches(ContactCard card)
    {
        if (Favorite is { } favorite && card.Favorite != favorite) return false;
        if (!string.IsNullOrWhiteSpace(Group)
            && !ContactSearch.GroupsTextOf(card.Groups).Contains(ContactSearch.GroupsTextOf([Group.Trim()]), StringComparison.Ordinal))
            return false;
        return string.IsNullOrWhiteSpace(Search) ? true : null;
    }
}
