namespace Agenda.Core.Contacts;

/// <summary>
/// Where a write came from: the front door, and who used it when that is known (a signed-in user, a token's name, a
/// Pyro client's address). A bare <see cref="Door"/> converts to an origin with nobody named.
/// </summary>
public readonly record struct WriteOrigin(Door Door, string? Who = null)
{
    public static implicit operator WriteOrigin(Door door) => new(door);
}
