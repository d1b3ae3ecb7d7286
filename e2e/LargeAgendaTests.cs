using System.Diagnostics;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Agenda.E2E;

/// <summary>The contacts page over 10,000 contacts: keyset pages of 50, so the page never loads them all.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class LargeAgendaTests(AgendaUiFixture fixture, ITestOutputHelper output)
{
    private const int ContactCount = 10_000;

    [Fact]
    public async Task TenThousandContactsArePagedFiftyAtATimeAndSearchFindsOne()
    {
        // On tmpfs when there is one: 10,000 commits each waiting for fsync would take half a minute of disk time,
        // and durability is not what this test is about.
        var scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var dataDirectory = Path.Combine(scratch, "agenda-e2e", Guid.NewGuid().ToString("n"));
        using var cleanup = new DeleteOnDispose(dataDirectory); // disposed last, after the process is gone
        var clock = Stopwatch.StartNew();
        await SeedAsync(dataDirectory);
        output.WriteLine($"seeded {ContactCount} contacts through the store in {clock.ElapsedMilliseconds} ms");
        await using var agenda = await AgendaProcess.StartAsync(dataDirectory);
        await using var person = await fixture.Browser.NewContextAsync(new() { BaseURL = agenda.BaseAddress.ToString() });

        clock.Restart();
        var contacts = await ContactsPage.OpenAsync(person);
        output.WriteLine($"first page interactive after {clock.ElapsedMilliseconds} ms");
        var page = contacts.Page;
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        await Expect(pager).ToContainTextAsync($"1–50 of {ContactCount}");
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(51); // the header row and 50 contacts

        await pager.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(pager).ToContainTextAsync($"51–100 of {ContactCount}");
        await Expect(contacts.Row("Person00050 Seed")).ToHaveCountAsync(1);
        await pager.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Expect(pager).ToContainTextAsync($"1–50 of {ContactCount}");

        clock.Restart();
        await contacts.SearchForAsync("person09876");
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        output.WriteLine($"search narrowed to one row after {clock.ElapsedMilliseconds} ms");
        await Expect(contacts.Row("Person09876 Seed")).ToContainTextAsync("09876");
        await Expect(pager).ToContainTextAsync("1–1 of 1");
    }

    // Through the public store, as any door would write, before the Agenda process opens the same file.
    private static async Task SeedAsync(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = $"Data Source={Path.Combine(dataDirectory, "agenda.db")}",
        }).Build();
        await using var services = new ServiceCollection().AddContactStore(configuration).BuildServiceProvider();
        await services.InitializeContactStoreAsync();
        var store = services.GetRequiredService<IContactStore>();
        for (var i = 0; i < ContactCount; i++)
            await store.CreateAsync(ContactCard.Simple($"Person{i:D5}", "Seed", $"555 {i:D5}", $"person{i}@example.com"), Door.Rest);
    }

    private sealed class DeleteOnDispose(string directory) : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
