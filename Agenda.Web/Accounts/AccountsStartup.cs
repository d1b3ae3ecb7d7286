using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Accounts;

/// <summary>At startup with sign-in on (after migrations): the roles exist, and the bootstrap admin when no one does.</summary>
public static class AccountsStartup
{
    public static async Task SeedRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AgendaRoles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
    }

    /// <summary>Creates <c>Security:BootstrapAdmin</c> when the database has no user; a refused password stops startup.</summary>
    public static async Task CreateBootstrapAdminAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BootstrapAdminOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Name) || string.IsNullOrEmpty(options.Password)) return;
        var accounts = services.GetRequiredService<UserAccounts>();
        if (await accounts.AnyAsync()) return;
        var result = await accounts.AddAsync(options.Name, AgendaRoles.Admin, options.Password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Security:BootstrapAdmin could not create {options.Name}: {string.Join(" ", result.Errors)}");
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountsStartup).FullName!)
            .LogWarning("Created the bootstrap admin {Name} (Security:BootstrapAdmin) because there was no user; remove the setting's password from the configuration now", options.Name);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
