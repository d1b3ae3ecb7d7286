using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Accounts;

/// <summary>Password and lockout rules, shared by the web app and the <c>users</c> command.</summary>
public static class AccountRules
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    public static void Apply(IdentityOptions options)
    {
        // Length over composition rules (NIST SP 800-63B): 10 characters, no forced symbol or case mix.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
