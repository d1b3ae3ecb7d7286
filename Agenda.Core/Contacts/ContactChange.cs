namespace Agenda.Core.Contacts;

/// <summary>The front door a change came through; shown in the UI and carried by change events.</summary>
public enum Door { Rmi, Rest, Ui }

public enum ChangeKind { Created, Updated, Deleted }

/// <summary>
/// Published after every successful write. <paramref name="Contact"/> is null for deletes; <paramref name="Who"/> names
/// who made the change when the door knows (see <see cref="WriteOrigin"/>).
/// </summary>
public sealed record ContactChange(long ContactId, ChangeKind Kind, long Version, Door Door, Contact? Contact, string? Who = null);
