namespace Agenda.Core.Accounts;

/// <summary>
/// A personal access token as stored: never the token itself, only a SHA-256 hash of its secret part, so a copy of the
/// database grants nothing. <see cref="Scope"/> is "read" or "read-write".
/// </summary>
public sealed class AccessTokenRow
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public string Scope { get; set; } = "read";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
