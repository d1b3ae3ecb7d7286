using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Storage.Providers;

/// <summary>
/// When SQLite waits for the disk (<c>Storage:Synchronous</c>, SQLite's <c>PRAGMA synchronous</c>), in WAL mode:
/// <code>
/// setting  fsync                          kill -9 of Agenda          power loss, OS crash
/// Normal   at each checkpoint only        every acknowledged write   the file stays consistent, but the writes
///          (WAL copied into the file)                                acknowledged since the last checkpoint may be lost
/// Full     the WAL at every commit        every acknowledged write   every acknowledged write (on a disk that
///                                                                    keeps what fsync promised)
/// </code>
/// Either way a commit has reached the operating system before its caller is answered, so a crash of the process alone
/// loses nothing. With group commit, Full costs one fsync per batch rather than per write.
/// </summary>
public enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}

public static class SqliteSynchronousSetting
{
    public const string Setting = "Storage:Synchronous";
    public const SqliteSynchronous Default = SqliteSynchronous.Normal;

    /// <exception cref="StorageStartupException">A value other than Normal or Full (any case).</exception>
    public static SqliteSynchronous From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)) return Default;
        return configured.Trim().ToLowerInvariant() switch
        {
            "normal" => SqliteSynchronous.Normal,
            "full" => SqliteSynchronous.Full,
            _ => throw new StorageStartupException(
                $"{Setting} '{configured}' is not supported: use 'Normal' (the default: an acknowledged write survives a crash of Agenda; the last ones may not survive a power cut) or 'Full' (they survive a power cut too, at one fsync per commit)."),
        };
    }

    /// <summary>The statement that sets it on a connection.</summary>
    public static string Pragma(SqliteSynchronous mode) => $"PRAGMA synchronous = {mode.ToString().ToUpperInvariant()};";
}
