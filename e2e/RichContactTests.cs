using System.Text.RegularExpressions;

namespace Agenda.E2E;

/// <summary>The whole contact in the browser: rows of phones and addresses, groups as chips, favourites, dates without a year.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class RichContactTests(AgendaUiFixture fixture)
{
    [Fact]
    public async Task AContactWithTwoPhonesAndAnAddressIsShownEditedAndLosesAPhone()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var name = $"Olga {ContactsPage.Unique("Rich")}";
        await contacts.FirstName.FillAsync("Olga");
        await contacts.SecondName.FillAsync(name[5..]);
        await contacts.PhoneNumber(1).FillAsync("+55 11 90000-0001");
        await contacts.Button("Add phone").ClickAsync();
        await Expect(contacts.PhoneNumber(2)).ToBeFocusedAsync();
        await contacts.PhoneNumber(2).FillAsync("11 3333-0002");
        await contacts.PhoneLabel(2).SelectOptionAsync("work");
        await contacts.Email.FillAsync("olga@example.com");
        await contacts.Button("Add address").ClickAsync();
        await contacts.AddressPart(1, "Street").FillAsync("Rua das Flores 10\nApto 3");
        await contacts.AddressPart(1, "Postal code").FillAsync("01000-000");
        await contacts.AddressPart(1, "City").FillAsync("São Paulo");
        await contacts.AddressPart(1, "Country").FillAsync("Brazil");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-rich-form"), FullPage = true });
        await contacts.AddButton.ClickAsync();

        // The table shows the primary phone; the name opens everything else.
        var row = contacts.Row(name);
        await Expect(row).ToContainTextAsync("+55 11 90000-0001");
        await Expect(row).Not.ToContainTextAsync("3333-0002");
        await contacts.DetailsToggle(name).ClickAsync();
        await Expect(contacts.DetailsToggle(name)).ToHaveAttributeAsync("aria-expanded", "true");
        var details = contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rua das Flores 10" });
        await Expect(details).ToContainTextAsync(new Regex(@"Phone \(work\)\s*11 3333-0002"));
        await Expect(details).ToContainTextAsync("01000-000 São Paulo");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-details"), FullPage = true });

        await contacts.EditAsync(name);
        await Expect(contacts.PhoneNumber(2)).ToHaveValueAsync("11 3333-0002");
        await Expect(contacts.PhoneLabel(2)).ToHaveValueAsync("work");
        await Expect(contacts.AddressPart(1, "City")).ToHaveValueAsync("São Paulo");
        await contacts.Button("Remove phone 1").ClickAsync();
        await Expect(contacts.Button("Add phone")).ToBeFocusedAsync();
        await Expect(contacts.PhoneNumber(1)).ToHaveValueAsync("11 3333-0002");
        await Expect(contacts.PhoneNumber(2)).ToHaveCountAsync(0);
        await Expect(contacts.PhoneIsPrimary(1)).ToBeCheckedAsync();
        await contacts.SaveButton.ClickAsync();

        await Expect(row).ToContainTextAsync("11 3333-0002");
        await Expect(details).Not.ToContainTextAsync("90000-0001");
        await contacts.ReloadAsync();
        await Expect(contacts.Row(name)).ToContainTextAsync("11 3333-0002");
        await contacts.EditAsync(name);
        await Expect(contacts.PhoneNumber(2)).ToHaveCountAsync(0);
        await Expect(contacts.AddressPart(1, "Street")).ToHaveValueAsync("Rua das Flores 10\nApto 3");
    }

    [Fact]
    public async Task GroupsAddedAsChipsBecomeFiltersWithCounts()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var (family, climbing) = (ContactsPage.Unique("Family"), ContactsPage.Unique("Climbing"));
        var tag = ContactsPage.Unique("Grouped");

        await contacts.FillAsync("Paula", tag, "", "");
        await contacts.GroupsBox.FillAsync(family);
        await contacts.GroupsBox.PressAsync("Enter");
        await contacts.GroupsBox.PressSequentiallyAsync(climbing + ",");
        var chips = contacts.Page.GetByRole(AriaRole.List, new() { Name = "Groups of this contact" }).GetByRole(AriaRole.Listitem);
        await Expect(chips).ToHaveTextAsync([new Regex($"^{family}\\s*×$"), new Regex($"^{climbing}\\s*×$")]);
        await Expect(contacts.GroupsBox).ToHaveValueAsync("");
        await contacts.AddButton.ClickAsync();
        await Expect(contacts.Row($"Paula {tag}")).ToContainTextAsync(climbing);

        await contacts.FillAsync("Quito", tag, "", "");
        await contacts.GroupsBox.FillAsync(family); // not added with Enter: saved all the same
        await contacts.AddButton.ClickAsync();
        await Expect(contacts.Row($"Quito {tag}")).ToContainTextAsync(family);
        await contacts.AddAsync("Rosa", tag);

        await Expect(contacts.GroupFilter(family)).ToHaveAccessibleNameAsync($"{family}, 2 contacts");
        await contacts.GroupFilter(family).ClickAsync();
        await Expect(contacts.GroupFilter(family)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag })).ToHaveCountAsync(2);
        await Expect(contacts.Row($"Rosa {tag}")).ToHaveCountAsync(0);
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-group-filter"), FullPage = true });

        await contacts.GroupFilter(climbing).ClickAsync(); // one group at a time: this one replaces the other
        await Expect(contacts.GroupFilter(family)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag })).ToHaveCountAsync(1);
        await Expect(contacts.Row($"Paula {tag}")).ToHaveCountAsync(1);

        await contacts.GroupFilter(climbing).ClickAsync();
        await contacts.SearchForAsync(tag);
        await Expect(contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag })).ToHaveCountAsync(3);

        // Out of its last contact, a group leaves the filters.
        await contacts.EditAsync($"Paula {tag}");
        await contacts.Button($"Remove group {climbing}").ClickAsync();
        await Expect(contacts.GroupsBox).ToBeFocusedAsync();
        await contacts.SaveButton.ClickAsync();
        await Expect(contacts.GroupFilter(climbing)).ToHaveCountAsync(0);
        await Expect(contacts.GroupFilter(family)).ToHaveAccessibleNameAsync($"{family}, 2 contacts");
    }

    [Fact]
    public async Task EnterInTheGroupsBoxAddsTheGroupWithoutSubmittingTheForm()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var group = ContactsPage.Unique("Entered");

        await contacts.GroupsBox.FillAsync(group);
        await contacts.GroupsBox.PressAsync("Enter");
        await Expect(contacts.Button($"Remove group {group}")).ToBeVisibleAsync();
        // A later round trip: had Enter submitted the empty form, its refusal would show by now (it needs no database).
        var more = contacts.Button("More name fields");
        await more.ClickAsync();
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(contacts.Page.GetByText("First name is required.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FavouritesAreListedFirstAndTheFavouritesChipShowsOnlyThem()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var tag = ContactsPage.Unique("Starred");
        foreach (var first in new[] { "Ana", "Bia", "Caio" }) await contacts.AddAsync(first, tag);
        await contacts.SearchForAsync(tag);
        var rows = contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag });
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("Ana");

        await contacts.Star($"Caio {tag}").ClickAsync();
        await Expect(contacts.Star($"Caio {tag}")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(rows.First).ToContainTextAsync("Caio");
        await Expect(rows.Nth(1)).ToContainTextAsync("Ana");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-favourites"), FullPage = true });

        await contacts.FavouritesFilter.ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Caio");

        await contacts.FavouritesFilter.ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await contacts.Star($"Caio {tag}").ClickAsync();
        await Expect(rows.First).ToContainTextAsync("Ana");
    }

    [Fact]
    public async Task TheSecondPhonesErrorShowsBesideItAndABirthdayNeedsNoYear()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Checked");
        await contacts.FillAsync("Sara", surname, "123 456", "");
        await contacts.Button("Add phone").ClickAsync();
        await contacts.PhoneNumber(2).FillAsync("12");
        await contacts.Birthday("Day").FillAsync("31");
        await contacts.Birthday("Month").SelectOptionAsync("April");
        await contacts.AddButton.ClickAsync();

        await Expect(contacts.PhoneNumber(2)).ToHaveAccessibleDescriptionAsync("Phone number must contain at least 3 digits.");
        await Expect(contacts.PhoneNumber(2)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(contacts.PhoneNumber(1)).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(contacts.Birthday("Day")).ToHaveAccessibleDescriptionAsync("There is no 31 April.");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-rich-validation"), FullPage = true });

        await contacts.PhoneNumber(2).FillAsync("12 345");
        await contacts.Birthday("Day").FillAsync("30");
        await contacts.AddButton.ClickAsync();
        await contacts.DetailsToggle($"Sara {surname}").ClickAsync();
        var details = contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Birthday" }).Filter(new() { HasText = "12 345" });
        await Expect(details).ToContainTextAsync(new Regex(@"Birthday\s*30 April(?! \d)"));
    }
}
