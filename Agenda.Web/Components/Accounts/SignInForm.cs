namespace Agenda.Web.Components.Accounts;

/// <summary>What the sign-in form posts.</summary>
public sealed class SignInForm
{
    public string Name { get; set; } = "";

    public string Password { get; set; } = "";
}
