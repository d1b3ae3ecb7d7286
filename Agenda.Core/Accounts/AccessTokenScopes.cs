namespace Agenda.Core.Accounts;

/// <summary>What a personal access token may do, at most: its owner's role still caps it.</summary>
public static class AccessTokenScopes
{
    /// <summary>Reads contacts (and whatever else the owner may read).</summary>
    public const string Read = "read";

    /// <summary>Also changes contacts, when the owner's role allows it.</summary>
    public const string ReadWrite = "read-write";

    public static readonly IReadOnlyList<string> All = [Read, ReadWrite];
}
