using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agenda.Core.Accounts;
using Agenda.Core.Contacts;
using Agenda.Web.Api;
using Agenda.Web.Tests.Security;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

/// <summary>GET /api/contacts/changes over HTTP: what a write sends to a reader, who may read, how many may.</summary>
public sealed class ChangeStreamTests : IAsyncLifetime
{
    private readonly AgendaApiApplication _app = new() { Settings = { ["Api:MaxChangeStreams"] = "2" } };

    public Task InitializeAsync() => _app.CreateClient().GetAsync("/healthz");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RestWritesArriveInOrderEachWithItsDoorVersionAndTheContactAsGetReturnsIt()
    {
        var http = _app.CreateClient();
        await using var changes = await ChangeStreamClient.OpenAsync(http);

        var created = await ReadContactAsync(await http.PostAsync("api/contacts", JsonBody("""{"firstName":"Ana","phoneNumber":"600 111 222"}""")));
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"api/contacts/{created.Id}") { Content = JsonBody("""{"secondName":"Silva"}""") };
        var updated = await ReadContactAsync(await http.SendAsync(patch));
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/contacts/{created.Id}")).StatusCode);

        var (first, second, third) = (await changes.NextAsync(), await changes.NextAsync(), await changes.NextAsync());
        Assert.Equal(("created", "created", created.Id, 1L, "rest"), (first.Name, first.Kind, first.Id, Version(first), first.Door));
        Assert.Equal(created, first.Contact.Deserialize<ContactDto>(Json));
        Assert.Equal(("updated", 2L, "Silva"), (second.Kind, Version(second), second.Contact.GetProperty("secondName").GetString()));
        Assert.Equal(updated, second.Contact.Deserialize<ContactDto>(Json));
        Assert.Equal(("deleted", created.Id, JsonValueKind.Null), (third.Kind, third.Id, third.Contact.ValueKind));
    }

    [Fact]
    public async Task OneStreamMoreThanApiMaxChangeStreamsGetsA503ProblemAndALeavingReaderFreesItsSlot()
    {
        var http = _app.CreateClient();
        var first = await ChangeStreamClient.OpenAsync(http);
        await using var second = await ChangeStreamClient.OpenAsync(http);

        var refused = await http.GetAsync(ChangeStreamClient.Path, HttpCompletionOption.ResponseHeadersRead);

        var problem = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("2 change streams are open, as many as Api:MaxChangeStreams allows; try again later.", problem.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        await first.DisposeAsync();
        await Eventually.TrueAsync(async () =>
        {
            using var again = await http.GetAsync(ChangeStreamClient.Path, HttpCompletionOption.ResponseHeadersRead);
            return again.StatusCode == HttpStatusCode.OK;
        }, () => "a stream could not be opened again after one of the two closed");
    }

    [Fact]
    public async Task TheStoresOtherWritersReachTheStreamTooWithTheirDoor()
    {
        await using var changes = await ChangeStreamClient.OpenAsync(_app.CreateClient());

        var contact = await _app.Store.CreateAsync(ContactCard.Simple("Bia", "", "", ""), new WriteOrigin(Door.Ui, "ana"));

        var created = await changes.NextAsync();
        Assert.Equal(("created", contact.Id, "ui", "ana"), (created.Kind, created.Id, created.Door, created.Data.GetProperty("who").GetString()));
    }

    private static long Version(ChangeEvent e) => e.Data.GetProperty("version").GetInt64();
}

/// <summary>With sign-in required, the change stream is read like <c>GET /api/contacts</c>: any role, any token scope.</summary>
public sealed class ChangeStreamAuthorizationTests : IAsyncLifetime
{
    private readonly SecuredApiApplication _app = new();

    public Task InitializeAsync() => _app.CreateClient().GetAsync("/healthz");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WithoutATokenTheStreamIsA401Problem()
    {
        var response = await _app.ClientWith(null).GetAsync(ChangeStreamClient.Path, HttpCompletionOption.ResponseHeadersRead);

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"Agenda\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task AViewersReadTokenReadsTheStream()
    {
        var viewer = _app.ClientWith(await _app.TokenForAsync("vera", AgendaRoles.Viewer, AccessTokenScopes.Read));
        await using var changes = await ChangeStreamClient.OpenAsync(viewer);

        await _app.Notifier.PublishAsync(new ContactChange(7, ChangeKind.Deleted, 3, Door.Rmi, null, "127.0.0.1:50422"));

        var deleted = await changes.NextAsync();
        Assert.Equal(("deleted", 7L, "rmi"), (deleted.Kind, deleted.Id, deleted.Door));
    }
}
