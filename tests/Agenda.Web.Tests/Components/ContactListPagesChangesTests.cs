using System.Collections.Concurrent;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// Pages that apply the changes they hear, instead of reading themselves again, end exactly as a fresh load of the same
/// place (filter and page starts) shows it: the same contacts at the same versions, count, and Previous/Next. Writes
/// come in concurrent bursts; the changes are heard in batches, again after a load that already has them, or backwards.
/// </summary>
public sealed class ContactListPagesChangesTests : IAsyncLifetime
{
    private StorePages _pages = null!;
    private readonly ConcurrentQueue<ContactChange> _heard = new();
    private IDisposable? _listening;

    private IContactStore Store => _pages.Store;

    public async Task InitializeAsync()
    {
        _pages = await StorePages.OpenAsync();
        _listening = _pages.Context.Services.GetRequiredService<ContactChangeNotifier>().Subscribe(change =>
        {
            _heard.Enqueue(change);
            return Task.CompletedTask;
        });
    }

    private List<ContactChange> TakeHeard()
    {
        var changes = new List<ContactChange>();
        while (_heard.TryDequeue(out var change)) changes.Add(change);
        return changes;
    }

    // Page sizes are small so a few dozen contacts make several pages; the search makes the page read itself again.
    private async Task<List<ContactListPages>> OpenPlacesAsync()
    {
        (ContactFilter Filter, int Size, int Page)[] places =
        [
            (ContactFilter.All, 4, 1), (ContactFilter.All, 4, 2), (ContactFilter.All, 5, 4), (new(Favorite: true), 3, 1),
            (new(Favorite: false), 4, 2), (new(Group: "choir"), 3, 2), (new("a"), 4, 1),
        ];
        var lists = new List<ContactListPages>();
        foreach (var (filter, size, page) in places)
        {
            var list = new ContactListPages(Store, size);
            list.Show(filter);
            await list.LoadAsync();
            for (var i = 1; i < page; i++)
            {
                list.Next();
                await list.LoadAsync();
            }
            lists.Add(list);
        }
        return lists;
    }

    /// <summary>Three writers at once, each through its door: creates, edits (names, star, groups), patches, deletes.</summary>
    private async Task BurstAsync(int seed, int writesEach = 20) =>
        await Task.WhenAll(new[] { Door.Rmi, Door.Rest, Door.Ui }.Select((door, w) => Task.Run(async () =>
        {
            var random = new Random(seed * 10 + w);
            for (var i = 0; i < writesEach; i++)
            {
                var ids = (await Store.ListAsync(null, -1, 1000)).Items.Select(c => c.Id).ToList();
                var id = ids.Count == 0 ? -1 : ids[random.Next(ids.Count)];
                try
                {
                    switch (ids.Count < 8 ? 0 : random.Next(5))
                    {
                        case 0: await Store.CreateAsync(Card(random), door); break;
                        case 1: await Store.UpdateAsync(id, Card(random), null, door); break;
                        case 2:
                            var favorite = random.Next(2) == 0;
                            await Store.PatchAsync(id, new ContactPatch { Edit = c => c with { Favorite = favorite } }, null, door);
                            break;
                        case 3: await Store.DeleteAsync(id, null, door); break;
                        default: await Store.CreateAsync(Card(random), door); break;
                    }
                }
                catch (ContactNotFoundException) { } // another writer deleted it first
            }
        })));

    private static ContactCard Card(Random random) =>
        ContactCard.Simple($"{(char)('A' + random.Next(26))}n{random.Next(100)}", random.Next(2) == 0 ? "Lima" : "Reis", "", "") with
        {
            Favorite = random.Next(3) == 0,
            Groups = random.Next(3) == 0 ? ["Choir"] : [],
        };

    private static async Task AssertAsFreshAsync(IEnumerable<ContactListPages> lists)
    {
        foreach (var list in lists)
        {
            await list.RecountAsync();
            var fresh = list.SamePlace();
            await fresh.LoadAsync();
            Assert.Equal(fresh.Items, list.Items);
            Assert.Equal((fresh.Total, fresh.HasPrevious, fresh.HasNext, fresh.Summary), (list.Total, list.HasPrevious, list.HasNext, list.Summary));
        }
    }

    [Fact]
    public async Task AfterBurstsOfConcurrentWritesEveryPageEqualsAFreshLoadOfItsPlace()
    {
        await BurstAsync(seed: 1, writesEach: 15);
        var lists = await OpenPlacesAsync();
        TakeHeard(); // the seed: the pages read it

        for (var round = 2; round <= 6; round++)
        {
            var burst = BurstAsync(round);
            // Applied while the writers are still at it, batch after batch as a page's refreshes do, then after they stop.
            while (!burst.IsCompleted)
            {
                var batch = TakeHeard();
                foreach (var list in lists) await list.ApplyAsync(batch);
                await Task.Yield();
            }
            await burst;
            var changes = TakeHeard();
            foreach (var list in lists) await list.ApplyAsync(changes);
            await AssertAsFreshAsync(lists);
        }
    }

    [Fact]
    public async Task ChangesHeardAgainAfterALoadThatHasThemChangeNothing()
    {
        await BurstAsync(seed: 7, writesEach: 15);
        var lists = await OpenPlacesAsync();
        var old = TakeHeard(); // all of them older than what the pages read

        foreach (var list in lists) await list.ApplyAsync(old);
        await BurstAsync(seed: 8);
        var changes = TakeHeard();
        foreach (var list in lists)
        {
            await list.ApplyAsync(changes);
            await list.ApplyAsync(changes); // twice
        }

        await AssertAsFreshAsync(lists);
    }

    [Fact]
    public async Task ChangesHeardBackwardsStillEndAsTheStoreIs()
    {
        await BurstAsync(seed: 3, writesEach: 15);
        var lists = await OpenPlacesAsync();
        TakeHeard();

        await BurstAsync(seed: 4);
        var backwards = TakeHeard();
        backwards.Reverse(); // newest first: every older version, every create after its delete, comes late
        foreach (var list in lists) await list.ApplyAsync(backwards);

        await AssertAsFreshAsync(lists);
    }

    [Fact]
    public async Task AChangeToARowShownIsAppliedFromTheContactItCarriesWithoutReadingThePage()
    {
        var ana = await Store.CreateAsync(ContactCard.Simple("Ana", "Lima", "", ""), Door.Rest);
        var store = new CountingStore(Store);
        var list = new ContactListPages(store, 50);
        await list.LoadAsync();
        TakeHeard();
        store.Calls.Clear();

        await Store.UpdateAsync(ana.Id, ContactCard.Simple("Ana", "Souza", "", ""), null, Door.Rmi);
        await Store.CreateAsync(ContactCard.Simple("Bia", "Reis", "", ""), Door.Rest);
        var changed = await list.ApplyAsync(TakeHeard());

        Assert.True(changed);
        Assert.Equal(["Ana Souza", "Bia Reis"], list.Items.Select(c => $"{c.FirstName} {c.SecondName}"));
        Assert.Equal(["GetAsync"], store.Calls); // Bia moving in is read by id (a cached lookup); nothing is listed or counted
        Assert.True(list.CountStale);
        await list.RecountAsync();
        Assert.Equal("1–2 of 2", list.Summary);
    }

    public async Task DisposeAsync()
    {
        _listening?.Dispose();
        await _pages.DisposeAsync();
    }
}
