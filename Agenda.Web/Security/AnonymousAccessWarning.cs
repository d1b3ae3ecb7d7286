using Agenda.Rmi.Hosting;
using Microsoft.Extensions.Options;

namespace Agenda.Web.Security;

/// <summary>
/// With <c>Security:AllowAnonymous</c> (and no sign-in), says at every start who can change contacts, so the choice
/// never goes unnoticed in the log. The UI says the same in its banner.
/// </summary>
internal sealed class AnonymousAccessWarning(IOptions<SecurityOptions> security, IOptions<RmiOptions> rmi, IConfiguration configuration,
    ILogger<AnonymousAccessWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!security.Value.IsAnonymousAllowed) return Task.CompletedTask;
        var exposed = ListenAddresses.From(configuration, rmi.Value).Exposed;
        logger.LogWarning("Security:AllowAnonymous is set: anyone who can reach {Addresses} can read and change every contact without signing in. " +
            "Set Security:RequireSignIn=true to require sign-in",
            exposed.Count == 0 ? "this machine (loopback only)" : string.Join(", ", exposed));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
