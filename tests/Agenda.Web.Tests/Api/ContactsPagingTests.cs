using System.Net;
using System.Net.Http.Json;
using Agenda.Core.Contacts;
using Agenda.Web.Api;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

/// <summary>Paging over HTTP through 1,234 contacts seeded through the store (seeding over HTTP would only be slower).</summary>
public class ContactsPagingTests(ContactsPagingTests.Seeded app) : IClassFixture<ContactsPagingTests.Seeded>
{
    public const int Count = 1234;
    private const int DefaultPageSize = 50;

    public sealed class Seeded : IAsyncLifetime
    {
        public AgendaApiApplication App { get; } = new();
        public HashSet<long> Ids { get; } = [];

        public async Task InitializeAsync()
        {
            for (var i = 0; i < Count; i++)
            {
                // Every seventh contact is a "Pereira", for paging through a search.
                var contact = await App.Store.CreateAsync(
                    ContactCard.Simple($"Person {i}", i % 7 == 0 ? "Pereira" : "Costa", $"600 {i:000000}", ""), Door.Ui);
                Ids.Add(contact.Id);
            }
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly HttpClient _client = app.App.CreateClient();

    [Theory]
    [InlineData(null)]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(1)]
    public async Task PagingThroughAllContactsVisitsEachExactlyOnceInIdOrder(int? pageSize)
    {
        var visited = await PageThroughAsync(null, pageSize);

        Assert.Equal(Count, visited.Count);
        Assert.Equal(app.Ids.Order(), visited);
    }

    [Fact]
    public async Task PagingThroughASearchVisitsEachMatchOnce()
    {
        var visited = await PageThroughAsync("pereira", 10);

        var expected = await app.App.Store.ListAsync("pereira", -1, 500);
        Assert.Equal((Count + 6) / 7, visited.Count);
        Assert.Equal(expected.Items.Select(c => c.Id), visited);
    }

    [Fact]
    public async Task TheDefaultPageHas50ItemsAndTheTotal()
    {
        var first = await _client.GetFromJsonAsync<ContactListDto>("/api/contacts", Json);

        Assert.Equal(DefaultPageSize, first!.Items.Count);
        Assert.Equal(Count, first.Total);
        Assert.NotNull(first.NextPageToken);
    }

    [Fact]
    public async Task OnlyTheLastPageHasANullNextPageToken()
    {
        var sizes = new List<(int Items, bool HasToken)>();
        string? token = null;
        do
        {
            var page = await _client.GetFromJsonAsync<ContactListDto>(
                "/api/contacts?pageSize=500" + (token is null ? "" : $"&pageToken={token}"), Json);
            sizes.Add((page!.Items.Count, page.NextPageToken is not null));
            token = page.NextPageToken;
        } while (token is not null && sizes.Count < 10);

        Assert.Equal([(500, true), (500, true), (234, false)], sizes);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageToken=not-a-token", "pageToken")]
    [InlineData("pageToken=AAAAAAAAAAAA", "pageToken")]
    [InlineData("pageToken=%2B%2F%2B%2F%2B%2F%2B%2F%2B%2F%2B", "pageToken")]
    [InlineData("pageToken=__________w", "pageToken")]
    public async Task AnOutOfRangePageSizeOrForeignTokenIsA400NamingTheParameter(string query, string field)
    {
        var problem = await Problem.ReadAsync(await _client.GetAsync($"/api/contacts?{query}"), HttpStatusCode.BadRequest);

        Assert.Equal([field], Problem.Fields(problem));
    }

    [Fact]
    public async Task APageSizeThatIsNotANumberIsA400Problem()
    {
        var problem = await Problem.ReadAsync(await _client.GetAsync("/api/contacts?pageSize=ten"), HttpStatusCode.BadRequest);

        Assert.Contains("pageSize", problem.GetProperty("detail").GetString());
    }

    private async Task<List<long>> PageThroughAsync(string? q, int? pageSize)
    {
        var visited = new List<long>();
        string? token = null;
        for (var requests = 0; requests <= Count + 1; requests++)
        {
            var query = new List<string>();
            if (q is not null) query.Add($"q={q}");
            if (pageSize is not null) query.Add($"pageSize={pageSize}");
            if (token is not null) query.Add($"pageToken={Uri.EscapeDataString(token)}");
            var page = await _client.GetFromJsonAsync<ContactListDto>($"/api/contacts?{string.Join('&', query)}", Json);
            Assert.True(page!.Items.Count <= (pageSize ?? DefaultPageSize));
            visited.AddRange(page.Items.Select(c => c.Id));
            token = page.NextPageToken;
            if (token is null) return visited;
        }
        throw new Xunit.Sdk.XunitException("paging never ended");
    }
}
