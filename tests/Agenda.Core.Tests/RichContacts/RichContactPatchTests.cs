using Agenda.Core.Contacts;
using Agenda.Core.Tests.Providers;

namespace Agenda.Core.Tests.RichContacts;

/// <summary>The original agenda's four fields are a view: patching them leaves the rest of the card alone.</summary>
public abstract class RichContactPatchTests<TKind> where TKind : IStoreKind
{
    [Fact]
    public async Task PatchingThePhoneChangesOnlyThePrimaryPhonesNumber()
    {
        await using var db = await TKind.OpenAsync();
        var bia = await db.Store.CreateAsync(RichCards.Bia, Door.Rest);

        var patched = await db.Store.PatchAsync(bia.Id, new ContactPatch("Bia", "Klein", "11 2222 3333", "bia@example.com"), null, Door.Rmi);

        Assert.Equal(bia.Card with
        {
            FirstName = "Bia",
            Phones = [new(ContactLabels.Mobile, "11 2222 3333", true), .. bia.Card.Phones.Skip(1)],
        }, patched.Card);
    }

    [Fact]
    public async Task ClearingThePhoneRemovesThePrimaryAndTheNextPhoneTakesItsPlace()
    {
        await using var db = await TKind.OpenAsync();
        var bia = await db.Store.CreateAsync(RichCards.Bia, Door.Rest);

        var patched = await db.Store.PatchAsync(bia.Id, new ContactPatch(PhoneNumber: ""), null, Door.Rmi);

        Assert.Equal([new ContactPhone(ContactLabels.Work, "69 3221 0000", true), new ContactPhone("fax", "69 3221 0001")], patched.Card.Phones);
        Assert.Equal("69 3221 0000", patched.PhoneNumber);
    }

    [Fact]
    public async Task SettingAPhoneOnAContactWithoutOneAddsAPrimaryMobile()
    {
        await using var db = await TKind.OpenAsync();
        var ana = await db.Store.CreateAsync(ContactCard.Simple("Ana", "", "", ""), Door.Rest);

        var patched = await db.Store.PatchAsync(ana.Id, new ContactPatch(PhoneNumber: "123 456"), null, Door.Rmi);

        Assert.Equal([new ContactPhone(ContactLabels.Mobile, "123 456", true)], patched.Card.Phones);
    }

    [Fact]
    public async Task AnEditAppliesToTheStoredCardAndANoOpEditWritesNothing()
    {
        await using var db = await TKind.OpenAsync();
        var bia = await db.Store.CreateAsync(RichCards.Bia, Door.Rest);

        var starred = await db.Store.PatchAsync(bia.Id, new ContactPatch { Edit = c => c with { Favorite = false, Groups = [] } }, null, Door.Ui);
        var again = await db.Store.PatchAsync(bia.Id, new ContactPatch { Edit = c => c with { Favorite = false } }, null, Door.Ui);

        Assert.Equal((false, 0, 2L), (starred.Card.Favorite, starred.Card.Groups.Count, starred.Version));
        Assert.Equal(starred, again);
        Assert.Equal(0, await db.Store.CountAsync(new Storage.ContactFilter(Group: "Trabalho")));
    }
}

public sealed class RichContactPatchTestsOnSqlite : RichContactPatchTests<OnSqlite>;

public sealed class RichContactPatchTestsOnPostgres : RichContactPatchTests<OnPostgres>;
