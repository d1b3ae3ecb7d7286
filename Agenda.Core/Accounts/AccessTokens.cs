using System.Security.Cryptography;
using Agenda.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Accounts;

/// <summary>
/// Personal access tokens for the REST API: created (the text is handed out once), verified on every request, listed
/// without their secrets, revoked. A singleton over a DbContext per operation, like the contact store.
/// </summary>
public sealed class AccessTokens
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Last use is written at most this often per token. SQLite has one writer, so stamping every request would turn
    /// each authenticated read into a write that queues behind contact writes; "used in the last minute" is enough to
    /// tell a live token from a forgotten one.
    /// </summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // Compared against when the id is unknown, so an unknown id and a wrong secret cost the same work.
    private static readonly byte[] NoSuchHash = AccessTokenText.Hash(AccessTokenText.NewSecret());

    private readonly IDbContextFactory<AgendaDbContext> _contexts;
    private readonly TimeProvider _clock;

    internal AccessTokens(IDbContextFactory<AgendaDbContext> contexts, TimeProvider clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    /// <summary>Field → messages for a token that cannot be created; empty when it can.</summary>
    public Dictionary<string, string[]> Validate(string name, string scope, DateTime? expiresAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name)) errors["Name"] = ["Name the token after what uses it, e.g. ci-sync."];
        else if (name.Length > MaxNameLength) errors["Name"] = [$"Name must be at most {MaxNameLength} characters."];
        if (!AccessTokenScopes.All.Contains(scope)) errors["Scope"] = [$"Scope must be {AccessTokenScopes.Read} or {AccessTokenScopes.ReadWrite}."];
        if (expiresAt is { } at && at <= _clock.GetUtcNow().UtcDateTime) errors["ExpiresAt"] = ["Expiry must be in the future."];
        return errors;
    }

    /// <summary>Creates a token for <paramref name="userId"/>; <see cref="NewAccessToken.Token"/> cannot be read again.</summary>
    /// <exception cref="ArgumentException">the name, scope or expiry is not acceptable (see <see cref="Validate"/>)</exception>
    public async Task<NewAccessToken> CreateAsync(string userId, string name, string scope, DateTime? expiresAt, CancellationToken ct = default)
    {
        var errors = Validate(name, scope, expiresAt);
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Values.SelectMany(m => m)));
        var secret = AccessTokenText.NewSecret();
        var row = new AccessTokenRow
        {
            UserId = userId, Name = name.Trim(), Scope = scope, SecretHash = AccessTokenText.Hash(secret),
            CreatedAt = _clock.GetUtcNow().UtcDateTime, ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        await using var db = await _contexts.CreateDbContextAsync(ct);
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new NewAccessToken(AccessTokenInfo.From(row), AccessTokenText.Format(row.Id, secret));
    }

    /// <summary>The token's details when <paramref name="token"/> is one of ours, not revoked and not expired; otherwise null.</summary>
    public async Task<AccessTokenInfo?> VerifyAsync(string? token, CancellationToken ct = default)
    {
        if (!AccessTokenText.TryParse(token, out var id, out var secret)) return null;
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var row = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        var matches = CryptographicOperations.FixedTimeEquals(AccessTokenText.Hash(secret), row?.SecretHash ?? NoSuchHash);
        var now = _clock.GetUtcNow().UtcDateTime;
        if (row is null || !matches || row.RevokedAt is not null || row.ExpiresAt <= now) return null;

        if (row.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            var due = now - LastUsedResolution;
            // Conditional, so concurrent first uses within the minute write once between them.
            await db.AccessTokens.Where(t => t.Id == id && (t.LastUsedAt == null || t.LastUsedAt <= due))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            row.LastUsedAt = now;
        }
        return AccessTokenInfo.From(row);
    }

    /// <summary>The user's tokens that are not revoked (expired ones included, so their owner sees why they stopped), newest first.</summary>
    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var rows = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
        return [.. rows.Select(AccessTokenInfo.From)];
    }

    /// <summary>Revokes one of the user's tokens at once; false when the user has no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, long tokenId, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var changed = await db.AccessTokens.Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        return changed == 1;
    }

    /// <summary>
    /// Every user's live tokens with their owners' names, newest first, for admins (the caller checks the role).
    /// Like <see cref="ListAsync"/>, never a secret or a hash.
    /// </summary>
    public async Task<IReadOnlyList<OwnedAccessToken>> ListAllAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        // An inner join loses nothing: a deleted user's tokens are deleted with them (cascade).
        var rows = await (from t in db.AccessTokens.AsNoTracking()
                          where t.RevokedAt == null
                          join u in db.Users on t.UserId equals u.Id
                          orderby t.Id descending
                          select new { Token = t, Owner = u.UserName }).ToListAsync(ct);
        return [.. rows.Select(r => new OwnedAccessToken(AccessTokenInfo.From(r.Token), r.Owner ?? r.Token.UserId))];
    }

    /// <summary>Revokes anyone's token at once, for admins (the caller checks the role); false when no such live token.</summary>
    public async Task<bool> RevokeAnyAsync(long tokenId, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var changed = await db.AccessTokens.Where(t => t.Id == tokenId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        return changed == 1;
    }
}
