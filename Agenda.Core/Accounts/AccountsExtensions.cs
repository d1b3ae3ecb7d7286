using Agenda.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Core.Accounts;

public static class AccountsExtensions
{
    /// <summary>
    /// Stores Identity's users and roles in the contacts' database (after <c>AddContactStore</c>). Identity's stores
    /// want a scoped DbContext, so each scope borrows one from the store's pool and gives it back when the scope ends.
    /// </summary>
    public static IdentityBuilder AddAgendaAccountStores(this IdentityBuilder identity)
    {
        identity.Services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AgendaDbContext>>().CreateDbContext());
        return identity.AddEntityFrameworkStores<AgendaDbContext>();
    }
}
