namespace Agenda.Web.Security;

/// <summary>
/// The <c>Security</c> section: whether people must sign in, and the operator's explicit choice to expose Agenda
/// without it. On loopback neither is needed; off loopback one of them is (Agenda refuses to start otherwise).
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Browser users sign in (Identity), REST callers send a cookie or a personal access token, Pyro off
    /// loopback needs <c>Rmi:HmacKey</c>.</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>Serve off loopback with no sign-in at all: logged as a warning at every start and shown in the UI.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Anonymous access by the operator's choice: the banner shows and the warning is logged.</summary>
    public bool IsAnonymousAllowed => AllowAnonymous && !RequireSignIn;
}
