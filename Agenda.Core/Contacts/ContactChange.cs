namespace Agenda.Core.Contacts;

/// <summary>The front door a change came through; shown in the UI and carried by change events.</summary>
public enum Door { Rmi, Rest, Ui }

public enum ChangeKind
{
    Created,
    Updated,
    Deleted,

    /// <summary>
    /// Changes may have been missed: the connection that hears other instances' writes (PostgreSQL) dropped and is
    /// back. Names no contact (<see cref="ContactChange.Resync"/>); whoever shows contacts reads them again.
    /// </summary>
    Resync,
}

/// <summary>
/// Published after every successful write. <paramref name="Contact"/> is null for deletes; <paramref name="Who"/> names
/// who made the change when the door knows (see <see cref="WriteOrigin"/>).
/// </summary>
public sealed record ContactChange(long ContactId, ChangeKind Kind, long Version, Door Door, Contact? Contact, string? Who = null)
{
    /// <summary>"Read everything again": see <see cref="ChangeKind.Resync"/>.</summary>
    public static ContactChange Resync { get; } = new(-1, ChangeKind.Resync, 0, default, null);
}
