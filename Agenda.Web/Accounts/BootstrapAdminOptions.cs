namespace Agenda.Web.Accounts;

/// <summary>
/// <c>Security:BootstrapAdmin</c>: an admin created at startup when the database has no user at all, so a container
/// can be provisioned without the command line. Ignored once any user exists.
/// </summary>
public sealed class BootstrapAdminOptions
{
    public const string SectionName = "Security:BootstrapAdmin";

    public string? Name { get; set; }

    public string? Password { get; set; }
}
