namespace Agenda.Core.Accounts;

/// <summary>What a signed-in person may do. Each role includes the ones before it.</summary>
public static class AgendaRoles
{
    /// <summary>Reads contacts.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Reads and changes contacts.</summary>
    public const string Editor = "Editor";

    /// <summary>Also manages users, access tokens and the name server.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Editor, Admin];
}
