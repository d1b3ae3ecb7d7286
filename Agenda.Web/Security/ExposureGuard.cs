using Agenda.Rmi.Daemon;
using Agenda.Rmi.Hosting;

namespace Agenda.Web.Security;

/// <summary>
/// Secure by default off loopback: before anything listens, refuses a configuration that would let other machines
/// read and change contacts with nobody signed in, unless the operator chose that (<c>Security:AllowAnonymous</c>).
/// Also refuses Pyro off loopback with sign-in on but no <c>Rmi:HmacKey</c>, and settings it cannot read. On loopback
/// with no configuration there is nothing to refuse.
/// </summary>
public static class ExposureGuard
{
    /// <summary>
    /// Writes the reasons to <paramref name="error"/> and returns true when Agenda must not start. A message, not an
    /// exception: the operator needs what to set, not a stack trace. No setting's value is echoed (a key is secret).
    /// </summary>
    public static bool Refuses(IConfiguration configuration, TextWriter error)
    {
        var problems = Problems(configuration);
        if (problems.Count == 0) return false;
        error.WriteLine("Agenda will not start:");
        foreach (var problem in problems) error.WriteLine("  - " + problem);
        return true;
    }

    /// <summary>Everything that stops startup, each as a sentence naming the settings to change; empty when it may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var security = Read<SecurityOptions>(configuration, SecurityOptions.SectionName, problems);
        var rmi = Read<RmiOptions>(configuration, RmiOptions.SectionName, problems);
        try { AllowedClients.Parse(rmi.AllowedClients); }
        catch (FormatException e) { problems.Add(e.Message); }

        var addresses = ListenAddresses.From(configuration, rmi);
        var exposed = addresses.Exposed;
        if (exposed.Count > 0 && !security.RequireSignIn && !security.AllowAnonymous)
            problems.Add($"it would listen on {string.Join(", ", exposed)}, where other machines can reach it, and nobody would have to sign in. " +
                "Set Security:RequireSignIn=true (with an admin account: users add NAME --role Admin) so that people must sign in, " +
                "or Security:AllowAnonymous=true to let anyone who reaches it read and change every contact; " +
                "or listen on loopback only (Urls=http://127.0.0.1:5080, Rmi:Host=127.0.0.1).");
        if (security.RequireSignIn && addresses.PyroExposed && string.IsNullOrEmpty(rmi.HmacKey))
            problems.Add($"sign-in is required (Security:RequireSignIn) and the Pyro listeners bind {rmi.Host}, where other machines can reach them, " +
                "but Pyro4 has no sign-in: set Rmi:HmacKey to a shared secret and give it to the Pyro clients (proxy._pyroHmacKey), " +
                "or bind Pyro to loopback (Rmi:Host=127.0.0.1), or turn it off (Rmi:Enabled=false).");
        return problems;
    }

    // A section that does not bind (RequireSignIn=yes, NameServerWrites=Nobody) is reported with the binder's text,
    // which names the key and the value; checks below then see the defaults.
    private static T Read<T>(IConfiguration configuration, string section, List<string> problems) where T : new()
    {
        try { return configuration.GetSection(section).Get<T>() ?? new T(); }
        catch (InvalidOperationException e)
        {
            problems.Add($"the {section} section cannot be read: {(e.InnerException ?? e).Message} ({e.Message})");
            return new T();
        }
    }
}
