namespace Agenda.Rmi.Protocol;

/// <summary>
/// What bytes that are not Pyro probably are, from their first few, so a refusal can tell the user what went wrong
/// (a browser or curl on a Pyro port, a TLS client, an SSH client). Shared by the connection doctor and the narrator.
/// </summary>
public static class ForeignProtocol
{
    /// <summary>"HTTP: ..." style explanation to follow "looks like", or null when the bytes say nothing.</summary>
    public static string? Guess(ReadOnlySpan<byte> start) => start switch
    {
        [(byte)'G', (byte)'E', (byte)'T', (byte)' ', ..] or [(byte)'P', (byte)'O', (byte)'S', (byte)'T', ..]
            or [(byte)'H', (byte)'E', (byte)'A', (byte)'D', ..] =>
            "HTTP: the web UI and REST API listen on the HTTP port, not on a Pyro port",
        [0x16, 0x03, ..] => "a TLS handshake: Pyro4 here speaks plain TCP",
        [(byte)'S', (byte)'S', (byte)'H', (byte)'-', ..] => "SSH",
        _ => null,
    };
}
