using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Api;

/// <summary>
/// The whole Agenda.Web app in memory over a fresh SQLite file of its own, deleted afterwards. It runs as
/// Production so the tests see what callers see (no developer exception page).
/// </summary>
public sealed class AgendaApiApplication : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agenda-api-tests", Guid.NewGuid().ToString("n"));

    public string DatabaseFile => Path.Combine(_directory, "agenda.db");

    public IContactStore Store => Services.GetRequiredService<IContactStore>();

    /// <summary>More configuration for this app (<c>Api:MaxImportBytes</c> and the like), applied last.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Agenda", $"Data Source={DatabaseFile}");
        builder.UseFreePyroPorts();
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Every contact in the store, read past the API, to prove a refused request changed nothing.</summary>
    public async Task<IReadOnlyList<Contact>> AllContactsAsync()
    {
        var all = new List<Contact>();
        for (var afterId = -1L; ;)
        {
            var page = await Store.ListAsync(null, afterId, 500);
            all.AddRange(page.Items);
            if (!page.HasMore) return all;
            afterId = page.Items[^1].Id;
        }
    }

    public Task<Contact> SeedAsync(string first = "Ana", string second = "Silva", string phone = "+34 698 405 961",
        string email = "ana.silva@example.com") =>
        Store.CreateAsync(ContactCard.Simple(first, second, phone, email), Door.Ui);

    public static StringContent JsonBody(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    public static async Task<ContactDto> ReadContactAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ContactDto>(Json))!;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
