using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Components.Contacts;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// The add/edit form over the real store: rows of phones, emails and addresses, dates without a year, groups as chips,
/// and each of the store's messages beside the input or list it is about.
/// </summary>
public sealed class ContactFormTests : IAsyncLifetime
{
    private StorePages _pages = null!;

    private IContactStore Store => _pages.Store;

    public async Task InitializeAsync() => _pages = await StorePages.OpenAsync();

    private IRenderedComponent<ContactForm> Render(Contact? editing = null, IReadOnlyList<ContactGroup>? groups = null) =>
        _pages.Context.Render<ContactForm>(p => p.Add(f => f.Enabled, true).Add(f => f.Editing, editing).Add(f => f.KnownGroups, groups ?? []));

    /// <summary>A button by its accessible name: its aria-label, or else its text.</summary>
    private static IElement Button(IRenderedComponent<ContactForm> form, string name) =>
        form.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()).EndsWith(name, StringComparison.Ordinal));

    private async Task<Contact> SingleStoredAsync() => Assert.Single((await Store.ListAsync(null, -1, 10)).Items);

    [Fact]
    public async Task AMessageAboutTheSecondPhoneIsShownBesideThatPhoneOnly()
    {
        var form = Render();
        form.Find("#first-name").Change("Bruno");
        form.Find("#phones-0-number").Change("123 456");
        Button(form, "Add phone").Click();
        form.Find("#phones-1-number").Change("12");

        await form.Find("form").SubmitAsync();

        var second = form.Find("#phones-1-number");
        Assert.Equal("true", second.GetAttribute("aria-invalid"));
        Assert.Equal("Phone number must contain at least 3 digits.", form.Find($"#{second.GetAttribute("aria-describedby")}").TextContent);
        Assert.Null(form.Find("#phones-0-number").GetAttribute("aria-invalid"));
        Assert.Null(form.Find("#first-name").GetAttribute("aria-invalid"));
        Assert.Equal(0, await Store.CountAsync(null));
    }

    [Fact]
    public async Task RemovingARowMovesTheMessagesOfTheRowsAfterItWithThem()
    {
        var form = Render();
        form.Find("#first-name").Change("Bruno");
        Button(form, "Add phone").Click();
        Button(form, "Add phone").Click();
        form.Find("#phones-0-number").Change("12");
        form.Find("#phones-1-number").Change("123 456");
        form.Find("#phones-2-number").Change("45");
        await form.Find("form").SubmitAsync();
        Assert.Equal("true", form.Find("#phones-2-number").GetAttribute("aria-invalid"));

        Button(form, "Remove phone 2").Click();

        Assert.Equal("45", form.Find("#phones-1-number").GetAttribute("value"));
        Assert.Equal("true", form.Find("#phones-1-number").GetAttribute("aria-invalid"));
        Assert.Equal("true", form.Find("#phones-0-number").GetAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("#phones-2-number"));
        Assert.Empty(form.FindAll("#phones-2-number-error"));
    }

    [Fact]
    public async Task AMessageAboutTheWholeListIsShownBesideTheList()
    {
        var form = Render();
        form.Find("#first-name").Change("Bruno");
        form.Find("#groups-entry").Input(string.Concat(Enumerable.Range(1, ContactValidator.MaxGroups + 1).Select(i => $"g{i},")));

        await form.Find("form").SubmitAsync();

        Assert.Contains("at most 50 groups", form.Find("#groups-error").TextContent);
        Assert.Contains("groups-error", form.Find("#groups-entry").GetAttribute("aria-describedby"));
        Assert.Equal(0, await Store.CountAsync(null));
    }

    [Fact]
    public async Task TwoPhonesAnEmailAndAnAddressAreStoredWithTheChosenPrimaryAndLabels()
    {
        var form = Render();
        form.Find("#first-name").Change("Olga");
        form.Find("#phones-0-number").Change("111 111");
        Button(form, "Add phone").Click();
        form.Find("#phones-1-number").Change("222 222");
        form.Find("#phones-1-label").Change("work");
        form.Find("input[aria-label='Phone 2 is primary']").Change(true);
        form.Find("#emails-0-address").Change("olga@example.com");
        Button(form, "Add address").Click();
        form.Find("#addresses-0-street").Change("Rua das Flores 10");
        form.Find("#addresses-0-city").Change("São Paulo");
        form.Find("#addresses-0-label").Change("work");

        await form.Find("form").SubmitAsync();

        var card = (await SingleStoredAsync()).Card;
        Assert.Equal([new ContactPhone("mobile", "111 111"), new ContactPhone("work", "222 222", Primary: true)], card.Phones);
        Assert.Equal("222 222", card.PhoneNumber);
        Assert.Equal([new ContactEmail("home", "olga@example.com", true)], card.Emails);
        Assert.Equal([new ContactAddress("work", "Rua das Flores 10", "São Paulo")], card.Addresses);
        Assert.Equal("", form.Find("#first-name").GetAttribute("value")); // a new contact's form empties once stored
    }

    [Fact]
    public async Task ACustomLabelIsTypedInItsOwnBoxAndShownThereWhenEditing()
    {
        var form = Render();
        form.Find("#first-name").Change("Fax");
        form.Find("#phones-0-number").Change("555 0100");
        form.Find("#phones-0-label").Change("\u2026custom");
        form.Find("#phones-0-label-custom").Change("Fax");

        await form.Find("form").SubmitAsync();

        var stored = await SingleStoredAsync();
        Assert.Equal("Fax", stored.Card.Phones[0].Label);
        var editing = Render(stored);
        Assert.Equal("Fax", editing.Find("#phones-0-label-custom").GetAttribute("value"));
    }

    [Fact]
    public async Task ABirthdayWithoutAYearIsStoredAndADayThatDoesNotExistIsRefusedBesideIt()
    {
        var form = Render();
        form.Find("#first-name").Change("Leap");
        form.Find("#birthday-day").Change("29");
        form.Find("#birthday-month").Change("2");
        form.Find("#birthday-year").Change("2023");
        form.Find("#emails-0-address").Change("not-an-address");

        await form.Find("form").SubmitAsync();

        Assert.Equal("There is no 29 February 2023.", form.Find("#birthday-error").TextContent);
        Assert.Equal("birthday-error", form.Find("#birthday-day").GetAttribute("aria-describedby"));
        // The store's rules ran too, so every message shows at once.
        Assert.Equal("true", form.Find("#emails-0-address").GetAttribute("aria-invalid"));
        Assert.Equal(0, await Store.CountAsync(null));

        form.Find("#birthday-year").Change("");
        form.Find("#emails-0-address").Change("");
        await form.Find("form").SubmitAsync();

        Assert.Equal(new PartialDate(null, 2, 29), (await SingleStoredAsync()).Card.Birthday);
    }

    [Fact]
    public async Task GroupsAreAddedWithACommaOrEnterRemovedWithTheirButtonAndWhatIsLeftTypedIsSavedToo()
    {
        var form = Render(groups: [new("Family", 3), new("Work", 1)]);
        form.Find("#first-name").Change("Paula");
        form.Find("#groups-entry").Input("family, climbing,");
        form.Find("#groups-entry").Input("work");
        form.Find("#groups-entry").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Equal(["family", "climbing", "work"], form.FindAll(".chips li").Select(c => c.FirstChild!.TextContent.Trim()));
        Button(form, "Remove group climbing").Click();
        Assert.Equal("", form.Find("#groups-entry").GetAttribute("value"));
        form.Find("#groups-entry").Input("choir");

        await form.Find("form").SubmitAsync();

        Assert.Equal(["family", "work", "choir"], (await SingleStoredAsync()).Card.Groups);
    }

    [Fact]
    public void TheGroupsBoxSuggestsTheGroupsInUseThatTheContactIsNotIn()
    {
        var form = Render(groups: [new("Family", 3), new("Work", 1)]);

        form.Find("#groups-entry").Input("work,");

        Assert.Equal("group-suggestions", form.Find("#groups-entry").GetAttribute("list"));
        Assert.Equal(["Family"], form.FindAll("#group-suggestions option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task SavingAnEditKeepsWhatTheFormDoesNotShow()
    {
        var original = await Store.CreateAsync(new ContactCard
        {
            FirstName = "Vera", Uid = "urn:uuid:kept", VCardExtras = ["X-SOCIALPROFILE;TYPE=mastodon:https://example.social/@vera", "PHOTO:https://example.com/v.jpg"],
            Phones = [new("fax", "555 0100", true), new("home", "555 0101")], Urls = [new("work", "https://example.com/vera")],
            Anniversary = new PartialDate(2001, 6, 9), Groups = ["Choir"], Favorite = true, Notes = "Line one\nline two",
            Nickname = "Vê", Organization = "Coral", Addresses = [new("home", "Rua A 1\nFundos", "Recife", "PE", "50000-000", "Brasil")],
        }, Door.Rest);
        var form = Render(original);

        form.Find("#first-name").Change("Verônica");
        await form.Find("form").SubmitAsync();

        var stored = await Store.GetAsync(original.Id);
        Assert.Equal(original.Card with { FirstName = "Verônica" }, stored.Card);
        Assert.Equal(original.Version + 1, stored.Version);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();
}
