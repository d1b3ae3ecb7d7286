using Agenda.Core.Contacts;
using Agenda.Core.Tests.Providers;

namespace Agenda.Core.Tests;

/// <summary><see cref="Storage.IContactStore.PatchAsync"/>: the one partial update behind RMI's update and REST's PATCH.</summary>
public abstract class ContactPatchTests<TKind> where TKind : IStoreKind
{
    private static ContactCard Ana => ContactCard.Simple("Ana", "Silva", "69 984059615", "ana@example.com");

    [Fact]
    public async Task APatchChangesOnlyTheGivenFieldsAndPublishesOneUpdate()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Ui);
        var changes = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        var patched = await db.Store.PatchAsync(created.Id, new ContactPatch(PhoneNumber: " +34 600 111 222 "), null, Door.Rmi);

        Assert.Equal(("Ana", "Silva", "+34 600 111 222", "ana@example.com", 2L),
            (patched.FirstName, patched.SecondName, patched.PhoneNumber, patched.Email, patched.Version));
        Assert.Equal(created.CreatedAt, patched.CreatedAt);
        Assert.Equal(patched, await db.Store.GetAsync(created.Id));
        Assert.Equal([(ChangeKind.Updated, 2L, Door.Rmi)], changes.Select(c => (c.Kind, c.Version, c.Door)));
    }

    [Fact]
    public async Task AnEmptyStringClearsAField()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Ui);

        var patched = await db.Store.PatchAsync(created.Id, new ContactPatch(SecondName: "", Email: "  "), created.Version, Door.Rest);

        Assert.Equal(("Ana", "", "69 984059615", ""), (patched.FirstName, patched.SecondName, patched.PhoneNumber, patched.Email));
        Assert.Equal(0, await db.Store.CountAsync("example.com"));
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedAndChangesNothing()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Ui);
        var current = await db.Store.PatchAsync(created.Id, new ContactPatch(SecondName: "Nova"), 1, Door.Rest);

        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(() =>
            db.Store.PatchAsync(created.Id, new ContactPatch(SecondName: "Velha"), 1, Door.Rmi));
        // The version is checked before anything else: even a patch that would change nothing is refused.
        await Assert.ThrowsAsync<ContactVersionConflictException>(() => db.Store.PatchAsync(created.Id, new ContactPatch(), 1, Door.Rmi));

        Assert.Equal((created.Id, 1L, 2L), (conflict.Id, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(current, await db.Store.GetAsync(created.Id));
    }

    [Fact]
    public async Task PatchingAnUnknownIdRaisesNotFound()
    {
        await using var db = await TKind.OpenAsync();

        var error = await Assert.ThrowsAsync<ContactNotFoundException>(() =>
            db.Store.PatchAsync(42, new ContactPatch(FirstName: "Ghost"), null, Door.Rest));

        Assert.Equal(42, error.Id);
        Assert.Equal(0, await db.Store.CountAsync(null));
    }

    [Fact]
    public async Task TheMergedContactIsWhatGetsValidated()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Ui);

        // Without a first name the patch alone would not be a valid contact; merged with the stored one it is.
        var patched = await db.Store.PatchAsync(created.Id, new ContactPatch(SecondName: "Souza"), null, Door.Rest);
        var error = await Assert.ThrowsAsync<ContactValidationException>(() =>
            db.Store.PatchAsync(created.Id, new ContactPatch(FirstName: "", Email: "nobody"), null, Door.Rest));

        Assert.Equal("Souza", patched.SecondName);
        Assert.Equal(["Emails[0].Address", "FirstName"], error.Errors.Keys.Order());
        Assert.Equal(patched, await db.Store.GetAsync(created.Id));
    }

    [Fact]
    public async Task APatchThatChangesNothingKeepsTheVersionAndPublishesNothing()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(Ana, Door.Ui);
        var changes = new List<ContactChange>();
        using var _ = db.Notifier.Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        var empty = await db.Store.PatchAsync(created.Id, new ContactPatch(), null, Door.Rest);
        var same = await db.Store.PatchAsync(created.Id, new ContactPatch(FirstName: " Ana ", Email: "ana@example.com"), 1, Door.Rmi);

        Assert.Equal(created, empty);
        Assert.Equal(created, same);
        Assert.Equal(created, await db.Store.GetAsync(created.Id));
        Assert.Empty(changes);
    }

    [Fact]
    public async Task ConcurrentPatchesOfDifferentFieldsBothLand()
    {
        await using var db = await TKind.OpenAsync();
        var contacts = new List<Contact>();
        for (var i = 0; i < 20; i++) contacts.Add(await db.Store.CreateAsync(Ana with { FirstName = $"P{i}" }, Door.Ui));

        await Task.WhenAll(contacts.SelectMany(c => new[]
        {
            Task.Run(() => db.Store.PatchAsync(c.Id, new ContactPatch(SecondName: $"Second {c.Id}"), null, Door.Rest)),
            Task.Run(() => db.Store.PatchAsync(c.Id, new ContactPatch(Email: $"p{c.Id}@example.com"), null, Door.Rmi)),
        }));

        foreach (var contact in contacts)
        {
            var stored = await db.Store.GetAsync(contact.Id);
            Assert.Equal(($"Second {contact.Id}", $"p{contact.Id}@example.com", 3L), (stored.SecondName, stored.Email, stored.Version));
        }
    }
}

public sealed class ContactPatchTestsOnSqlite : ContactPatchTests<OnSqlite>;

public sealed class ContactPatchTestsOnPostgres : ContactPatchTests<OnPostgres>;
