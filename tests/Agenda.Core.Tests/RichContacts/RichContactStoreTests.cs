using Agenda.Core.Contacts;
using Agenda.Core.Tests.Providers;
using Agenda.Core.Storage;

namespace Agenda.Core.Tests.RichContacts;

public abstract class RichContactStoreTests<TKind> where TKind : IStoreKind
{
    [Fact]
    public async Task EveryFieldOfARichCardSurvivesTheStoreAndAReopen()
    {
        await using var db = await TKind.OpenAsync();
        var created = await db.Store.CreateAsync(RichCards.Bia, Door.Rest);
        await using var reopened = await db.ReopenAsync();

        var read = await reopened.Store.GetAsync(created.Id);
        Assert.Equal(RichCards.Bia with { Uid = created.Card.Uid }, read.Card);
        Assert.Equal(("+55 69 98405-9615", "bia@example.com"), (read.PhoneNumber, read.Email)); // the primaries
    }

    [Fact]
    public async Task ACardWithoutUidGetsAUniqueOneAndAReplacementWithoutUidKeepsIt()
    {
        await using var db = await TKind.OpenAsync();
        var a = await db.Store.CreateAsync(ContactCard.Simple("Ana", "", "", ""), Door.Rmi);
        var b = await db.Store.CreateAsync(ContactCard.Simple("Bruno", "", "", ""), Door.Rmi);
        var replaced = await db.Store.UpdateAsync(a.Id, ContactCard.Simple("Ana", "Souza", "", ""), null, Door.Rest);

        Assert.True(Guid.TryParse(a.Card.Uid, out _));
        Assert.NotEqual(a.Card.Uid, b.Card.Uid);
        Assert.Equal(a.Card.Uid, replaced.Card.Uid);
        Assert.Equal(a.Id, (await db.Store.FindByUidAsync(a.Card.Uid))!.Id);
    }

    [Fact]
    public async Task AUidAnotherContactHasIsRefusedAndNothingChanges()
    {
        await using var db = await TKind.OpenAsync();
        var a = await db.Store.CreateAsync(ContactCard.Simple("Ana", "", "", "") with { Uid = "uid-a" }, Door.Rest);
        var b = await db.Store.CreateAsync(ContactCard.Simple("Bruno", "", "", ""), Door.Rest);

        var onCreate = await Assert.ThrowsAsync<ContactValidationException>(() =>
            db.Store.CreateAsync(ContactCard.Simple("Carla", "", "", "") with { Uid = "uid-a" }, Door.Rest));
        var onUpdate = await Assert.ThrowsAsync<ContactValidationException>(() =>
            db.Store.UpdateAsync(b.Id, b.Card with { Uid = "uid-a" }, null, Door.Rest));

        Assert.Equal([$"Contact {a.Id} already has this UID."], onCreate.Errors["Uid"]);
        Assert.Equal([$"Contact {a.Id} already has this UID."], onUpdate.Errors["Uid"]);
        Assert.Equal(2, await db.Store.CountAsync(null));
        Assert.Equal(b, await db.Store.GetAsync(b.Id));
    }

    [Fact]
    public async Task SearchCoversEveryTextFieldAndTheDigitsOfEveryPhone()
    {
        await using var db = await TKind.OpenAsync();
        var bia = await db.Store.CreateAsync(RichCards.Bia, Door.Rest);
        await db.Store.CreateAsync(ContactCard.Simple("Outra", "Pessoa", "11 5555 5555", "outra@example.com"), Door.Rest);

        // Long terms go through the trigram index, short ones scan; both must agree.
        foreach (var term in new[] { "universidade", "professora", "porto velho", "76800", "orientadora", "trabalho",
                     "bia@unir", "unir.example.br/~bia", "3221 0001", "32210001", "maria", "dra. beatriz maria klein jr." })
        {
            var found = await db.Store.ListAsync(term, -1, 10);
            Assert.True(found.Items.Select(c => c.Id).SequenceEqual([bia.Id]), $"searching '{term}' found {found.Total}");
        }
    }

    [Fact]
    public async Task GroupsAndFavouritesFilterListsCountsAndExports()
    {
        await using var db = await TKind.OpenAsync();
        var bia = await db.Store.CreateAsync(RichCards.Bia, Door.Rest);
        var caio = await db.Store.CreateAsync(ContactCard.Simple("Caio", "", "", "") with { Groups = ["trabalho"] }, Door.Rest);
        await db.Store.CreateAsync(ContactCard.Simple("Davi", "", "", ""), Door.Rest);

        Assert.Equal([bia.Id, caio.Id], (await db.Store.ListAsync(new ContactFilter(Group: "TRABALHO"), -1, 10)).Items.Select(c => c.Id));
        Assert.Equal([bia.Id], (await db.Store.ListAsync(new ContactFilter(Group: "família"), -1, 10)).Items.Select(c => c.Id));
        Assert.Equal([bia.Id], (await db.Store.ListAsync(new ContactFilter(Favorite: true), -1, 10)).Items.Select(c => c.Id));
        Assert.Equal(2, await db.Store.CountAsync(new ContactFilter(Favorite: false)));
        Assert.Equal(0, await db.Store.CountAsync(new ContactFilter(Group: "trab"))); // a group is matched whole
        Assert.Equal([caio.Id], await db.Store.ReadAllAsync(new ContactFilter(Search: "caio", Group: "Trabalho")).Select(c => c.Id).ToListAsync());

        Assert.Equal([new ContactGroup("Família", 1), new ContactGroup("Trabalho", 2)], await db.Store.GroupsAsync());
    }
}

public sealed class RichContactStoreTestsOnSqlite : RichContactStoreTests<OnSqlite>;

public sealed class RichContactStoreTestsOnPostgres : RichContactStoreTests<OnPostgres>;
