using System.Net;
using System.Text.Json;
using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Web.Tests.Api;
using static Agenda.Web.Tests.Api.TransferFiles;

namespace Agenda.Web.Tests.Security;

/// <summary>With sign-in required, an export needs the read permission and an import the write one, like any write.</summary>
public sealed class TransferPermissionTests : IAsyncLifetime
{
    private readonly SecuredApiApplication _app = new();
    private static readonly string Bia = Card("4.0", "FN:Bia Souza", "TEL:910 000 111");

    public Task InitializeAsync() => _app.CreateClient().GetAsync("/healthz"); // starts the host and migrates the database

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> CountAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/contacts")).RootElement.GetProperty("total").GetInt32();

    [Fact]
    public async Task AReadTokenExportsButItsImportIsA403AndStoresNothing()
    {
        var client = _app.ClientWith(await _app.TokenForAsync("ana", AgendaRoles.Editor, AccessTokenScopes.Read));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/contacts/export")).StatusCode);
        await Problem.ReadAsync(await client.PostAsync("/api/contacts/import", File(Bia)), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await client.PostAsync("/api/contacts/import?dryRun=true", File(Bia)), HttpStatusCode.Forbidden);
        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task NobodySignedInNeitherExportsNorImports()
    {
        var client = _app.ClientWith(null);

        await Problem.ReadAsync(await client.GetAsync("/api/contacts/export"), HttpStatusCode.Unauthorized);
        await Problem.ReadAsync(await client.PostAsync("/api/contacts/import", File(Bia)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnEditorsReadWriteTokenImportsAndTheChangesNameTheToken()
    {
        var client = _app.ClientWith(await _app.TokenForAsync("ana", AgendaRoles.Editor, AccessTokenScopes.ReadWrite));
        var changes = new List<ContactChange>();
        using var _ = _app.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        var report = await ImportAsync(client, File(Bia));

        Assert.Equal((1, 0, 0, 0), Counts(report));
        Assert.Equal((Door.Rest, "token ci-sync (ana)"), (Assert.Single(changes).Door, changes[0].Who));
        Assert.Contains("FN:Bia Souza", await client.GetStringAsync("/api/contacts/export"));
    }
}
