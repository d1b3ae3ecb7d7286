using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Accounts;

/// <summary>
/// Account administration for the users page and the <c>users</c> command. Each operation runs in a scope of its
/// own: Identity's stores hold a DbContext, which must not live as long as a Blazor circuit. Every user has exactly one
/// of <see cref="AgendaRoles"/>.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Manager(scope);
        var list = new List<UserSummary>();
        foreach (var user in users.Users.OrderBy(u => u.UserName).ToList())
        {
            var roles = await users.GetRolesAsync(user);
            var role = AgendaRoles.All.LastOrDefault(roles.Contains) ?? "(none)";
            list.Add(new(user.UserName!, role, user.LockoutEnd > time.GetUtcNow() ? user.LockoutEnd : null));
        }
        return list;
    }

    public async Task<bool> AnyAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return Manager(scope).Users.Any();
    }

    public async Task<AccountResult> AddAsync(string name, string role, string password)
    {
        if (!AgendaRoles.All.Contains(role)) return UnknownRole(role);
        await using var scope = scopes.CreateAsyncScope();
        var users = Manager(scope);
        var user = new AgendaUser { UserName = name };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return From(created);
        return From(await users.AddToRoleAsync(user, role));
    }

    /// <param name="by">The admin making the change, who may not change their own role; null from the command line.</param>
    public Task<AccountResult> ChangeRoleAsync(string name, string role, string? by = null) => WithUserAsync(name, async (users, user) =>
    {
        if (!AgendaRoles.All.Contains(role)) return UnknownRole(role);
        if (IsSelf(users, user, by)) return AccountResult.Refused(NotYourself);
        var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        if (!removed.Succeeded) return From(removed);
        var added = await users.AddToRoleAsync(user, role);
        // A new stamp makes the person's cookie fail its next validation, so the old role does not linger.
        return added.Succeeded ? From(await users.UpdateSecurityStampAsync(user)) : From(added);
    });

    public Task<AccountResult> ResetPasswordAsync(string name, string password) => WithUserAsync(name, async (users, user) =>
    {
        // Checked before the old password is removed, so a refused one leaves the account as it was.
        var errors = new List<AccountError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(AccountError.From));
        if (errors.Count > 0) return new AccountResult(errors);
        var removed = await users.RemovePasswordAsync(user);
        return removed.Succeeded ? From(await users.AddPasswordAsync(user, password)) : From(removed);
    });

    public Task<AccountResult> UnlockAsync(string name) => WithUserAsync(name, async (users, user) =>
    {
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        return unlocked.Succeeded ? From(await users.ResetAccessFailedCountAsync(user)) : From(unlocked);
    });

    /// <param name="by">The admin deleting, who may not delete themselves; null from the command line.</param>
    public Task<AccountResult> DeleteAsync(string name, string? by = null) => WithUserAsync(name, async (users, user) =>
        IsSelf(users, user, by) ? AccountResult.Refused(NotYourself) : From(await users.DeleteAsync(user)));

    private async Task<AccountResult> WithUserAsync(string name, Func<UserManager<AgendaUser>, AgendaUser, Task<AccountResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Manager(scope);
        return await users.FindByNameAsync(name) is { } user ? await change(users, user) : AccountResult.Refused($"There is no user named {name}.");
    }

    // An admin who deletes or demotes themselves could leave no one to manage users. Compared as Identity compares
    // names, so "Ana" is ana.
    private const string NotYourself = "You cannot delete yourself or change your own role.";

    private static bool IsSelf(UserManager<AgendaUser> users, AgendaUser user, string? by) =>
        by is not null && user.NormalizedUserName == users.NormalizeName(by);

    private static UserManager<AgendaUser> Manager(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<AgendaUser>>();

    private static AccountResult UnknownRole(string role) =>
        AccountResult.Refused($"Unknown role {role}; the roles are {string.Join(", ", AgendaRoles.All)}.");

    private static AccountResult From(IdentityResult result) => AccountResult.From(result);
}
