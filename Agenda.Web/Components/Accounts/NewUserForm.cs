using Agenda.Core.Accounts;

namespace Agenda.Web.Components.Accounts;

/// <summary>The users page's "add a user" fields.</summary>
public sealed class NewUserForm
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = AgendaRoles.Viewer;

    public string Password { get; set; } = "";
}
