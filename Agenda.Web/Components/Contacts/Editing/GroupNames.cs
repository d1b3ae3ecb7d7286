namespace Agenda.Web.Components.Contacts.Editing;

/// <summary>How typed text becomes groups: a comma ends a group, as in the chip input (a group's name cannot hold one).</summary>
public static class GroupNames
{
    public static IEnumerable<string> Split(string typed) =>
        typed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
