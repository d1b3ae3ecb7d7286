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
}
