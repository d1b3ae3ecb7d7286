using Agenda.Core.Contacts;

namespace Agenda.Web.Components.Contacts;

/// <summary>The door a change came through and who used it, when known: "REST", or "UI · ana".</summary>
public readonly record struct DoorMark(Door Door, string? Who = null)
{
    public static DoorMark Of(ContactChange change) => new(change.Door, change.Who);

    public override string ToString() => Who is null ? Door.ToString().ToUpperInvariant() : $"{Door.ToString().ToUpperInvariant()} · {Who}";
}
