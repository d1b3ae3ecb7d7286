namespace Agenda.Core.Accounts;

/// <summary>A personal access token as its owner may see it: everything but the secret, which is never kept.</summary>
public sealed record AccessTokenInfo(
    long Id, string UserId, string Name, string Scope, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt)
{
    public bool AllowsWrites => Scope == AccessTokenScopes.ReadWrite;

    internal static AccessTokenInfo From(AccessTokenRow row) =>
        new(row.Id, row.UserId, row.Name, row.Scope, row.CreatedAt, row.ExpiresAt, row.LastUsedAt);
}

/// <summary>A token just created: <see cref="Token"/> is the only time its text exists outside the caller's hands.</summary>
public sealed record NewAccessToken(AccessTokenInfo Info, string Token);

/// <summary>A token as an admin sees it on everyone's list: its details and its owner's user name.</summary>
public sealed record OwnedAccessToken(AccessTokenInfo Token, string Owner);
