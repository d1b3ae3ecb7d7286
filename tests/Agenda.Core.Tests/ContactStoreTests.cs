using Agenda.Core.Contacts;
using Agenda.Core.Tests.Providers;

namespace Agenda.Core.Tests;

public abstract class ContactStoreTests<TKind> where TKind : IStoreKind
{
    private static ContactCard Ana => ContactCard.Simple("Ana", "Silva", "69 984059615", "ana@example.com");

    [Fact]
    public async Task TheFirstContactGetsIdZeroAndIdsAreNeverReused()
    {
        await using var db = await TKind.OpenAsync();
        var first = await db.Store.CreateAsync(Ana, Door.Rest);
        var second = await db.Store.CreateAsync(Ana with { FirstName = "Bia" }, Door.Rmi);
        await db.Store.DeleteAsync(second.Id, null, Door.Ui);
        var third = await db.Store.CreateAsync(Ana with { FirstName = "Caio" }, Door.Ui);

        Assert.Equal([0L, 1L, 2L], [first.Id, second.Id, third.Id]);
    }

    [Fact]
    public async Task CreatedContactsAreTrimmedVersionedAndReadBack()
    {
        await using var db = await TKind.OpenAsync();
        var before = DateTime.UtcNow;
        var created = await db.Store.CreateAsync(Ana with { FirstName = "  Ana  " }, Door.Rest);
        var read = await db.Store.GetAsync(created.Id);

        Assert.Equal(created, read);
        Assert.Equal("Ana", read.FirstName);
        Assert.Equal(1, read.Version);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
        Assert.InRange(read.CreatedAt, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task UpdateReplacesTheFieldsAndIncrementsTheVersion()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Rest);
        var updated = await db.Store.UpdateAsync(created.Id, ContactCard.Simple("Ana", "Souza", null, null), created.Version, Door.Ui);

        Assert.Equal(2, updated.Version);
        Assert.Equal(("Souza", "", ""), (updated.SecondName, updated.PhoneNumber, updated.Email));
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(updated, await db.Store.GetAsync(created.Id));
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedAndLeavesTheRowUnchanged()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Rest);
        await db.Store.UpdateAsync(created.Id, Ana with { SecondName = "Nova" }, 1, Door.Rest);

        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(() =>
            db.Store.UpdateAsync(created.Id, Ana with { SecondName = "Velha" }, 1, Door.Ui));
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        await Assert.ThrowsAsync<ContactVersionConflictException>(() => db.Store.DeleteAsync(created.Id, 1, Door.Ui));

        var stored = await db.Store.GetAsync(created.Id);
        Assert.Equal(("Nova", 2L), (stored.SecondName, stored.Version));
    }

    [Fact]
    public async Task InvalidInputIsRefusedWithFieldMessagesAndNothingIsStored()
    {
        await using var db = await TKind.OpenAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() =>
            db.Store.CreateAsync(ContactCard.Simple("", null, null, "not-an-email"), Door.Rmi));

        Assert.Equal(["Emails[0].Address", "FirstName"], error.Errors.Keys.Order());
        Assert.Equal(0, await db.Store.CountAsync(null));
        var next = await db.Store.CreateAsync(Ana, Door.Rmi);
        Assert.Equal(0, next.Id); // a refused create does not consume an id
    }

    [Fact]
    public async Task UnknownIdsRaiseNotFound()
    {
        await using var db = await TKind.OpenAsync();
        Assert.Equal(42, (await Assert.ThrowsAsync<ContactNotFoundException>(() => db.Store.GetAsync(42))).Id);
        await Assert.ThrowsAsync<ContactNotFoundException>(() => db.Store.UpdateAsync(42, Ana, null, Door.Rest));
        await Assert.ThrowsAsync<ContactNotFoundException>(() => db.Store.DeleteAsync(42, null, Door.Rest));
    }

    [Fact]
    public async Task DeletedContactsAreGone()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Rest);
        await db.Store.DeleteAsync(created.Id, created.Version, Door.Rest);
        await Assert.ThrowsAsync<ContactNotFoundException>(() => db.Store.GetAsync(created.Id));
    }

    [Fact]
    public async Task ListPagesByIdAndVisitsEveryContactOnce()
    {
        await using var db = await TKind.OpenAsync();
        for (var i = 0; i < 25; i++) await db.Store.CreateAsync(Ana with { FirstName = $"P{i}" }, Door.Rest);

        var seen = new List<long>();
        long after = -1;
        while (true)
        {
            var page = await db.Store.ListAsync(null, after, 10);
            Assert.Equal(25, page.Total);
            Assert.Equal(page.Items, await db.Store.PageAsync(null, after, 10)); // the same page, without the count
            seen.AddRange(page.Items.Select(c => c.Id));
            if (!page.HasMore) break;
            after = page.Items[^1].Id;
        }
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), seen);
    }

    [Theory]
    [InlineData("ana", 1)]
    [InlineData("SILVA", 1)]
    [InlineData("ana silva", 1)]
    [InlineData("EXAMPLE.com", 2)]
    [InlineData("9840", 1)]
    [InlineData("69 984", 1)]
    [InlineData("(11) 5555", 1)]
    [InlineData("ÉLODIE", 1)]
    [InlineData("nobody", 0)]
    [InlineData("zé", 1)]
    [InlineData("a\"b", 0)]
    [InlineData("OUTRO.ORG", 1)]
    public async Task SearchMatchesNamesAndEmailIgnoringCaseAndPhoneDigits(string term, int expected)
    {
        await using var db = await TKind.OpenAsync();
        await db.Store.CreateAsync(Ana, Door.Rest);
        await db.Store.CreateAsync(ContactCard.Simple("Élodie", "Dupont", "+55 11 5555-1234", "elodie@example.com"), Door.Rest);
        await db.Store.CreateAsync(ContactCard.Simple("Zé", "", "", "ze@outro.org"), Door.Rest);

        var page = await db.Store.ListAsync(term, -1, 50);
        Assert.Equal(expected, page.Items.Count);
        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, await db.Store.CountAsync(term));
        Assert.Equal(page.Items, await db.Store.PageAsync(term, -1, 50));
    }

    [Theory]
    [InlineData("50%", "discount 50% off")]
    [InlineData("%", "discount 50% off")]
    [InlineData("a_b", "path a_b")]
    [InlineData("_", "path a_b")]
    [InlineData("c:\\t", "c:\\temp")]
    [InlineData("\\", "c:\\temp")]
    public async Task WildcardCharactersInATermMatchOnlyThemselves(string term, string notes)
    {
        await using var db = await TKind.OpenAsync();
        foreach (var text in new[] { "discount 50% off", "discount 5000 off", "path a_b", "path axb", "c:\\temp", "c:/temp" })
            await db.Store.CreateAsync(Ana with { Notes = text }, Door.Rest);

        var found = await db.Store.ListAsync(term, -1, 10);
        Assert.Equal([notes], found.Items.Select(c => c.Card.Notes));
    }

    [Fact]
    public async Task ReadAllStreamsEveryContactInIdOrderWithoutTheDeletedOnes()
    {
        await using var db = await TKind.OpenAsync();
        for (var i = 0; i < 5; i++) await db.Store.CreateAsync(Ana with { FirstName = $"R{i}" }, Door.Rest);
        await db.Store.DeleteAsync(2, null, Door.Rest);

        var all = new List<Contact>();
        await foreach (var contact in db.Store.ReadAllAsync()) all.Add(contact);

        Assert.Equal([0L, 1, 3, 4], all.Select(c => c.Id));
        Assert.Equal("R3", all[2].FirstName);
    }

    [Fact]
    public async Task SearchFollowsUpdatesAndDeletes()
    {
        await using var db = await TKind.OpenAsync();
        var ana = await db.Store.CreateAsync(Ana, Door.Rest);
        var other = await db.Store.CreateAsync(Ana with { FirstName = "Beatriz" }, Door.Rest);

        await db.Store.UpdateAsync(ana.Id, Ana with { FirstName = "Carolina" }, null, Door.Ui);
        await db.Store.DeleteAsync(other.Id, null, Door.Ui);

        Assert.Equal(0, await db.Store.CountAsync("beatriz"));
        Assert.Equal(1, await db.Store.CountAsync("carolina"));
        Assert.Equal(0, await db.Store.CountAsync("ana silva"));
        Assert.Equal([ana.Id], (await db.Store.ListAsync("CAROL", -1, 10)).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task ParallelCreatesGetDistinctIdsAndAllRowsAreStored()
    {
        await using var db = await TKind.OpenAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => db.Store.CreateAsync(Ana with { FirstName = $"C{i}" }, Door.Rmi))));

        Assert.Equal(200, created.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), created.Select(c => c.Id).Order());
        Assert.Equal(200, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task DataSurvivesClosingAndReopeningTheDatabase()
    {
        var first = await TKind.OpenAsync();
        var created = await first.Store.CreateAsync(Ana, Door.Rest);

        await using var reopened = await first.ReopenAsync();
        Assert.Equal(created, await reopened.Store.GetAsync(created.Id));
        Assert.Equal(1, (await reopened.Store.CreateAsync(Ana, Door.Rest)).Id);
    }

    [Fact]
    public async Task EveryWritePublishesAChangeWithItsDoor()
    {
        await using var db = await TKind.OpenAsync();
        var changes = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        var created = await db.Store.CreateAsync(Ana, Door.Rmi);
        await db.Store.UpdateAsync(created.Id, Ana.WithEmail(""), null, Door.Rest);
        await db.Store.DeleteAsync(created.Id, null, Door.Ui);

        Assert.Equal(
            [(ChangeKind.Created, 1L, Door.Rmi), (ChangeKind.Updated, 2L, Door.Rest), (ChangeKind.Deleted, 2L, Door.Ui)],
            changes.Select(c => (c.Kind, c.Version, c.Door)));
        Assert.All(changes, c => Assert.Equal(created.Id, c.ContactId));
    }

    [Fact]
    public async Task AThrowingSubscriberDoesNotFailTheWrite()
    {
        await using var db = await TKind.OpenAsync();
        using var _ = db.Notifier.Subscribe(_ => throw new InvalidOperationException("broken circuit"));
        var created = await db.Store.CreateAsync(Ana, Door.Ui);
        Assert.Equal(created, await db.Store.GetAsync(created.Id));
    }
}

public sealed class ContactStoreTestsOnSqlite : ContactStoreTests<OnSqlite>;

public sealed class ContactStoreTestsOnPostgres : ContactStoreTests<OnPostgres>;
