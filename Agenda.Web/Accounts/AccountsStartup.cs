using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Accounts;

/// <summary>
/// At startup with sign-in on (after migrations): the roles exist, and the bootstrap admin when no one does. Instances
/// starting together on one PostgreSQL database may both find a role or the admin missing and both insert it: the
/// database's unique index refuses the second insert, and that instance finds it there and carries on.
/// </summary>
public static class AccountsStartup
{
    public static async Task SeedRolesAsync(IServiceProvider services)
    {
        foreach (var role in AgendaRoles.All)
        {
            await using var scope = services.CreateAsyncScope(); // a refused insert stays in its context: one per role
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (await roles.RoleExistsAsync(role)) continue;
            try { Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}"); }
            catch (DbUpdateException)
            {
                if (!await RoleExistsAsync(services, role)) throw;
            }
        }
    }

    /// <summary>Creates <c>Security:BootstrapAdmin</c> when the database has no user; a refused password stops startup.</summary>
    public static async Task CreateBootstrapAdminAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BootstrapAdminOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Name) || string.IsNullOrEmpty(options.Password)) return;
        var accounts = services.GetRequiredService<UserAccounts>();
        if (await accounts.AnyAsync()) return;
        AccountResult result;
        try { result = await accounts.AddAsync(options.Name, AgendaRoles.Admin, options.Password); }
        catch (DbUpdateException)
        {
            if (await accounts.AnyAsync()) return;
            throw;
        }
        if (!result.Succeeded)
            throw new InvalidOperationException($"Security:BootstrapAdmin could not create {options.Name}: {string.Join(" ", result.Errors)}");
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountsStartup).FullName!)
            .LogWarning("Created the bootstrap admin {Name} (Security:BootstrapAdmin) because there was no user; remove the setting's password from the configuration now", options.Name);
    }

    private static async Task<bool> RoleExistsAsync(IServiceProvider services, string role)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(role);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
