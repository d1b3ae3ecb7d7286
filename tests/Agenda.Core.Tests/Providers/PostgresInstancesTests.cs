using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Core.Tests.Providers;

/// <summary>
/// Two Agenda instances on one PostgreSQL database, as two stores in this process that share nothing but the database
/// (each has its own service provider, connection pool and store): the database does the concurrency work.
/// </summary>
public sealed class PostgresInstancesTests : IAsyncLifetime
{
    private static ContactCard Card(string name) => ContactCard.Simple(name, "", "", "");

    private PostgresStore _a = null!;
    private PostgresStore _b = null!;

    public async Task InitializeAsync()
    {
        _a = await PostgresStore.OpenAsync();
        _b = await PostgresStore.OpenAsync(_a.Database, ownsDatabase: false);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentCreatesOnBothInstancesGetDistinctDenseIds()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            Task.Run(() => _a.Store.CreateAsync(Card($"A{i}"), Door.Rest)),
            Task.Run(() => _b.Store.CreateAsync(Card($"B{i}"), Door.Rmi)),
        }));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), created.Select(c => c.Id).Order());
        await _a.Store.DeleteAsync(199, null, Door.Ui);
        Assert.Equal(200, (await _b.Store.CreateAsync(Card("After"), Door.Ui)).Id); // a deleted id is not handed out again
    }

    [Fact]
    public async Task OfTwoInstancesWritingTheSameVersionExactlyOneWins()
    {
        var contact = await _a.Store.CreateAsync(Card("Ana"), Door.Rest);
        for (var version = 1L; version <= 20; version++)
        {
            var v = version;
            var attempts = new[]
            {
                Task.Run(() => _a.Store.PatchAsync(contact.Id, new ContactPatch(SecondName: $"A{v}"), v, Door.Rest)),
                Task.Run(() => _b.Store.PatchAsync(contact.Id, new ContactPatch(SecondName: $"B{v}"), v, Door.Rmi)),
            };
            try { await Task.WhenAll(attempts); } catch (ContactVersionConflictException) { }

            var won = Assert.Single(attempts, a => a.IsCompletedSuccessfully);
            var lost = Assert.IsType<ContactVersionConflictException>(Assert.Single(attempts, a => a.IsFaulted).Exception!.InnerException);
            Assert.Equal((v, v + 1), (lost.ExpectedVersion, lost.ActualVersion));
            Assert.Equal(await won, await _b.Store.GetAsync(contact.Id));
        }
    }

    [Fact]
    public async Task AWriteOnOneInstanceIsReadOnTheOtherAtOnce()
    {
        var contact = await _a.Store.CreateAsync(Card("Ana"), Door.Rest);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(contact, await _b.Store.GetAsync(contact.Id)); // a read that a per-process cache would keep
            contact = await _a.Store.PatchAsync(contact.Id, new ContactPatch(SecondName: $"Round {i}"), null, Door.Rest);
        }
        Assert.Equal(contact, await _b.Store.GetAsync(contact.Id));
        Assert.Equal([contact.Id], (await _b.Store.ListAsync("round 49", -1, 10)).Items.Select(c => c.Id));

        await _b.Store.DeleteAsync(contact.Id, contact.Version, Door.Ui);
        await Assert.ThrowsAsync<ContactNotFoundException>(() => _a.Store.GetAsync(contact.Id));
    }

    [Fact]
    public async Task ConcurrentPatchesOfDifferentFieldsFromBothInstancesAllLand()
    {
        var contacts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _a.Store.CreateAsync(Card($"P{i}"), Door.Ui)));

        await Task.WhenAll(contacts.SelectMany(c => new[]
        {
            Task.Run(() => _a.Store.PatchAsync(c.Id, new ContactPatch(SecondName: $"Second {c.Id}"), null, Door.Rest)),
            Task.Run(() => _b.Store.PatchAsync(c.Id, new ContactPatch(Email: $"p{c.Id}@example.com"), null, Door.Rmi)),
            Task.Run(() => _b.Store.PatchAsync(c.Id, new ContactPatch(PhoneNumber: $"555 000 {c.Id}"), null, Door.Ui)),
        }));

        foreach (var contact in contacts)
        {
            var stored = await _a.Store.GetAsync(contact.Id);
            Assert.Equal(($"Second {contact.Id}", $"p{contact.Id}@example.com", $"555 000 {contact.Id}", 4L),
                (stored.SecondName, stored.Email, stored.PhoneNumber, stored.Version));
        }
    }

    [Fact]
    public async Task OneUidCreatedOnBothInstancesAtOnceIsStoredOnceAndUsesUpNoOtherId()
    {
        var attempts = Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            (i % 2 == 0 ? _a : _b).Store.CreateAsync(Card($"Twin {i}") with { Uid = "uid-twin" }, Door.Rest))).ToList();
        try { await Task.WhenAll(attempts); } catch (ContactValidationException) { }

        var stored = await Assert.Single(attempts, a => a.IsCompletedSuccessfully);
        Assert.All(attempts.Where(a => a.IsFaulted), a =>
            Assert.Equal([$"Contact {stored.Id} already has this UID."], Assert.IsType<ContactValidationException>(a.Exception!.InnerException).Errors["Uid"]));
        Assert.Equal(0, stored.Id);
        Assert.Equal(1, (await _b.Store.CreateAsync(Card("Next"), Door.Rest)).Id); // the refused creates rolled their ids back
    }

    [Fact]
    public async Task ImportsOfTheSameUidsOnBothInstancesAtOnceBothLandAndCreateEachContactOnce()
    {
        // Several rounds: the two imports race for the same new UIDs only some of the time.
        for (var round = 0; round < 5; round++)
        {
            IReadOnlyList<ContactCard> Batch(string name) => [.. Enumerable.Range(0, 50).Select(i => Card($"{name} {i}") with { Uid = $"uid-{round}-{i}" })];

            var outcomes = await Task.WhenAll(
                Task.Run(() => _a.Store.ImportAsync(Batch("Ana"), dryRun: false, Door.Rest)),
                Task.Run(() => _b.Store.ImportAsync(Batch("Bia"), dryRun: false, Door.Rest)));

            Assert.Equal(50, outcomes.SelectMany(o => o).Count(o => o.Result == ImportResult.Created));
        }
        var stored = await _a.Store.ReadAllAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (long)i), stored.Select(c => c.Id));
        Assert.Equal(250, (await _b.Store.CreateAsync(Card("Next"), Door.Ui)).Id); // an import that lost its race gave its ids back
    }

    [Fact]
    public async Task BothInstancesInitialisingAnEmptyDatabaseAtOnceMigrateItOnce()
    {
        await using var database = await PostgresServer.CreateEmptyAsync();

        var instances = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresStore.OpenAsync(database, ownsDatabase: false)));

        await using (var db = await instances[0].Services.GetRequiredService<IDbContextFactory<AgendaDbContext>>().CreateDbContextAsync())
            Assert.Equal([db.Database.GetMigrations().Count().ToString()], await database.QueryAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """));
        var created = await Task.WhenAll(instances.Select(i => i.Store.CreateAsync(Card("First"), Door.Rest)));
        Assert.Equal([0L, 1L, 2L, 3L], created.Select(c => c.Id).Order());
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [Fact]
    public async Task InstancesStartingTogetherOnAnEmptyDatabaseShareOneCookieKeyAndReadEachOthersProtectedData()
    {
        await using var database = await PostgresServer.CreateEmptyAsync();

        var instances = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresStore.OpenAsync(database, ownsDatabase: false)));

        Assert.Equal(["1"], await database.QueryAsync("""SELECT count(*) FROM "DataProtectionKeys" """)); // made at startup, once
        var protectors = instances.Select(i => i.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie")).ToList();
        for (var from = 0; from < protectors.Count; from++)
        {
            var secret = protectors[from].Protect($"signed in on instance {from}");
            Assert.All(protectors, to => Assert.Equal($"signed in on instance {from}", to.Unprotect(secret)));
        }
        Assert.Equal(["1"], await database.QueryAsync("""SELECT count(*) FROM "DataProtectionKeys" """));
        foreach (var instance in instances) await instance.DisposeAsync();
    }
}
