using Agenda.Core.Accounts;

namespace Agenda.Web.Tests.Security;

/// <summary>The admins' view of tokens over a real SQLite database: everyone's live tokens with owners, revoking any of them.</summary>
public sealed class AccessTokensAdminTests : IAsyncLifetime
{
    private AccountsDatabase _database = null!;

    private AccessTokens Tokens => _database.Tokens;

    public async Task InitializeAsync() => _database = await AccountsDatabase.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ListAllNamesEachOwnerNewestFirstAndLeavesRevokedTokensOut()
    {
        var ana = await _database.CreateUserAsync("ana");
        var rui = await _database.CreateUserAsync("rui");
        var laptop = await Tokens.CreateAsync(ana, "laptop", AccessTokenScopes.Read, null);
        var ci = await Tokens.CreateAsync(rui, "ci-sync", AccessTokenScopes.ReadWrite, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var gone = await Tokens.CreateAsync(rui, "gone", AccessTokenScopes.Read, null);
        await Tokens.RevokeAsync(rui, gone.Info.Id);

        var all = await Tokens.ListAllAsync();

        Assert.Equal([("rui", ci.Info.Id), ("ana", laptop.Info.Id)], all.Select(o => (o.Owner, o.Token.Id)));
        Assert.Equal(ci.Info, all[0].Token);
    }

    [Fact]
    public async Task ListAllCarriesNoSecretOrHash()
    {
        var ana = await _database.CreateUserAsync("ana");
        await Tokens.CreateAsync(ana, "laptop", AccessTokenScopes.Read, null);

        // The record's members are the whole of what leaves the service: none holds the secret or its hash.
        Assert.Equal(["Owner", "Token"], typeof(OwnedAccessToken).GetProperties().Select(p => p.Name).Order());
        Assert.DoesNotContain(typeof(AccessTokenInfo).GetProperties(), p => p.PropertyType == typeof(byte[]));
        Assert.Single(await Tokens.ListAllAsync());
    }

    [Fact]
    public async Task RevokeAnyRevokesSomeoneElsesTokenAtOnceAndOnlyOnce()
    {
        var rui = await _database.CreateUserAsync("rui");
        var token = await Tokens.CreateAsync(rui, "ci-sync", AccessTokenScopes.ReadWrite, null);

        Assert.True(await Tokens.RevokeAnyAsync(token.Info.Id));

        Assert.Null(await Tokens.VerifyAsync(token.Token));
        Assert.Empty(await Tokens.ListAsync(rui));
        Assert.Empty(await Tokens.ListAllAsync());
        Assert.False(await Tokens.RevokeAnyAsync(token.Info.Id));
    }

    [Fact]
    public async Task RevokeAnyOfAnUnknownIdChangesNothing()
    {
        var ana = await _database.CreateUserAsync("ana");
        var token = await Tokens.CreateAsync(ana, "laptop", AccessTokenScopes.Read, null);

        Assert.False(await Tokens.RevokeAnyAsync(token.Info.Id + 1));

        Assert.NotNull(await Tokens.VerifyAsync(token.Token));
    }
}
