using Agenda.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Core.Accounts;

public static class AccessTokenExtensions
{
    /// <summary>Registers <see cref="AccessTokens"/> over the contacts' database (after <c>AddContactStore</c>).</summary>
    public static IServiceCollection AddAccessTokens(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AccessTokens(
            sp.GetRequiredService<IDbContextFactory<AgendaDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
