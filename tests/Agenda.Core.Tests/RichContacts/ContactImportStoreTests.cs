using Agenda.Core.Contacts;
using Agenda.Core.Tests.Providers;
using Agenda.Core.Storage;

namespace Agenda.Core.Tests.RichContacts;

/// <summary><see cref="IContactStore.ImportAsync"/>: one transaction, each card judged alone, UIDs update.</summary>
public abstract class ContactImportStoreTests<TKind> where TKind : IStoreKind
{
    private static ContactCard Card(string name, string uid = "") => ContactCard.Simple(name, "", "", "") with { Uid = uid };

    [Fact]
    public async Task AnInvalidCardIsSkippedAloneAndTheOthersAreStoredWithDenseIds()
    {
        await using var db = await TKind.OpenAsync();
        var changes = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        var outcomes = await db.Store.ImportAsync([Card("Ana"), Card(""), Card("Caio")], dryRun: false, Door.Rest);

        Assert.Equal([ImportResult.Created, ImportResult.Invalid, ImportResult.Created], outcomes.Select(o => o.Result));
        Assert.Equal(["First name is required."], outcomes[1].Errors!["FirstName"]);
        Assert.Equal([0L, 1L], outcomes.Where(o => o.Id is not null).Select(o => o.Id!.Value));
        Assert.Equal(["Ana", "Caio"], await db.Store.ReadAllAsync().Select(c => c.FirstName).ToListAsync());
        Assert.Equal([(0L, ChangeKind.Created, "Ana"), (1L, ChangeKind.Created, "Caio")],
            changes.Select(c => (c.ContactId, c.Kind, c.Contact!.FirstName)));
    }

    [Fact]
    public async Task ACardWithAKnownUidUpdatesItsContactAndAnIdenticalOneChangesNothing()
    {
        await using var db = await TKind.OpenAsync();
        var ana = await db.Store.CreateAsync(Card("Ana", "uid-ana"), Door.Ui);
        var bruno = await db.Store.CreateAsync(Card("Bruno", "uid-bruno"), Door.Ui);

        var outcomes = await db.Store.ImportAsync(
            [Card("Ana Maria", "uid-ana"), Card("Bruno", "uid-bruno"), Card("Novo", "uid-new"), Card("Novo Nome", "uid-new")],
            dryRun: false, Door.Rest);

        Assert.Equal([ImportResult.Updated, ImportResult.Unchanged, ImportResult.Created, ImportResult.Updated], outcomes.Select(o => o.Result));
        Assert.Equal([ana.Id, bruno.Id, 2L, 2L], outcomes.Select(o => o.Id!.Value));
        var updated = await db.Store.GetAsync(ana.Id);
        Assert.Equal(("Ana Maria", 2L), (updated.FirstName, updated.Version));
        Assert.Equal(bruno, await db.Store.GetAsync(bruno.Id));
        Assert.Equal("Novo Nome", (await db.Store.FindByUidAsync("uid-new"))!.FirstName); // the later card of the batch wins
        Assert.Equal(3, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task ADryRunReportsTheSameOutcomesAndStoresAndPublishesNothing()
    {
        await using var db = await TKind.OpenAsync();
        var ana = await db.Store.CreateAsync(Card("Ana", "uid-ana"), Door.Ui);
        var published = 0;
        using var _ = db.Notifier.Subscribe(_ => { Interlocked.Increment(ref published); return Task.CompletedTask; });

        var outcomes = await db.Store.ImportAsync([Card("Ana B", "uid-ana"), Card("Caio"), Card("")], dryRun: true, Door.Rest);

        Assert.Equal([ImportResult.Updated, ImportResult.Created, ImportResult.Invalid], outcomes.Select(o => o.Result));
        Assert.Null(outcomes[1].Id); // a contact that was not created has no id
        Assert.Equal(0, published);
        Assert.Equal([ana], await db.Store.ReadAllAsync().ToListAsync());
        Assert.Equal(1, (await db.Store.CreateAsync(Card("Davi"), Door.Ui)).Id); // no id was used up
    }

    [Fact]
    public async Task AReadAfterAnImportSeesTheImportedCardNotACachedOne()
    {
        await using var db = await TKind.OpenAsync();
        var ana = await db.Store.CreateAsync(Card("Ana", "uid-ana"), Door.Ui);
        await db.Store.GetAsync(ana.Id); // now cached

        await db.Store.ImportAsync([Card("Ana Nova", "uid-ana")], dryRun: false, Door.Rest);

        Assert.Equal("Ana Nova", (await db.Store.GetAsync(ana.Id)).FirstName);
    }
}

public sealed class ContactImportStoreTestsOnSqlite : ContactImportStoreTests<OnSqlite>;

public sealed class ContactImportStoreTestsOnPostgres : ContactImportStoreTests<OnPostgres>;
