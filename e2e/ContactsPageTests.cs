namespace Agenda.E2E;

[Collection(AgendaUiCollection.Name)]
public sealed class ContactsPageTests(AgendaUiFixture fixture)
{
    [Fact]
    public async Task ContactAddedThroughTheFormAppearsInTheTableAndSurvivesAReload()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Added");

        await contacts.AddAsync("Ana", surname, "+55 69 98405-9615", "ana@example.com");
        await Expect(contacts.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Added Ana {surname}");
        await Expect(contacts.FirstName).ToHaveValueAsync("");

        await contacts.ReloadAsync();
        var row = contacts.Row($"Ana {surname}");
        await Expect(row).ToContainTextAsync("+55 69 98405-9615");
        await Expect(row).ToContainTextAsync("ana@example.com");
    }

    [Fact]
    public async Task AContactCanBeAddedWithTheKeyboardAlone()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Keys");
        var group = ContactsPage.Unique("Keyed");
        var keyboard = contacts.Page.Keyboard;

        await contacts.FirstName.FocusAsync();
        await keyboard.TypeAsync("Nina");
        await contacts.TabToAsync(contacts.SecondName);
        await keyboard.TypeAsync(surname);
        await contacts.TabToAsync(contacts.Phone);
        await keyboard.TypeAsync("123 456");
        await contacts.TabToAsync(contacts.Button("Add phone"));
        await keyboard.PressAsync("Enter");
        await Expect(contacts.PhoneNumber(2)).ToBeFocusedAsync(); // the new row takes the typing
        await keyboard.TypeAsync("654 321");
        await contacts.TabToAsync(contacts.Email);
        await keyboard.TypeAsync("nina@example.com");
        await contacts.TabToAsync(contacts.GroupsBox, atMost: 40);
        await keyboard.TypeAsync(group);
        await keyboard.PressAsync("Enter"); // adds the group; it does not submit the form
        await Expect(contacts.Button($"Remove group {group}")).ToBeVisibleAsync();
        await Expect(contacts.AddButton).ToBeVisibleAsync();
        await contacts.TabToAsync(contacts.AddButton);
        await keyboard.PressAsync("Enter");

        var row = contacts.Row($"Nina {surname}");
        await Expect(row).ToContainTextAsync("nina@example.com");
        await Expect(row).ToContainTextAsync(group);
    }

    [Fact]
    public async Task InvalidEmailShowsTheStoreMessageBesideTheFieldAndSavesNothing()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Invalid");

        await contacts.FillAsync("Bruno", surname, "12", "not-an-address");
        await contacts.AddButton.ClickAsync();

        await Expect(contacts.Email).ToHaveAccessibleDescriptionAsync("Email must be a valid address, like name@example.com.");
        await Expect(contacts.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(contacts.Phone).ToHaveAccessibleDescriptionAsync("Phone number must contain at least 3 digits.");
        await Expect(contacts.FirstName).Not.ToHaveAttributeAsync("aria-invalid", "true");
        // What was typed stays in the form so it can be corrected.
        await Expect(contacts.FirstName).ToHaveValueAsync("Bruno");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-validation") });

        await contacts.ReloadAsync();
        await contacts.SearchForAsync(surname);
        await Expect(contacts.Page.GetByText("No contacts match.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EditingAContactSavesTheNewValues()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Edited");
        await contacts.AddAsync("Carla", surname, "111 222", "carla@example.com");

        await contacts.EditAsync($"Carla {surname}");
        await Expect(contacts.Page.GetByRole(AriaRole.Heading, new() { Name = "Edit contact #" })).ToBeVisibleAsync();
        await Expect(contacts.FirstName).ToBeFocusedAsync();
        await Expect(contacts.Phone).ToHaveValueAsync("111 222");
        await contacts.Phone.FillAsync("333 444 555");
        await contacts.SaveButton.ClickAsync();

        await Expect(contacts.Row($"Carla {surname}")).ToContainTextAsync("333 444 555");
        await Expect(contacts.Page.GetByRole(AriaRole.Heading, new() { Name = "Add a contact" })).ToBeVisibleAsync();
        await contacts.ReloadAsync();
        await Expect(contacts.Row($"Carla {surname}")).ToContainTextAsync("333 444 555");
    }

    [Fact]
    public async Task DeleteAsksForConfirmationAndRemovesTheContactOnlyWhenConfirmed()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Deleted");
        await contacts.AddAsync("Davi", surname);
        var delete = contacts.DeleteButton($"Davi {surname}");
        var confirm = contacts.Page.GetByRole(AriaRole.Alertdialog);

        await delete.ClickAsync();
        await Expect(confirm).ToContainTextAsync($"Davi {surname}");
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" })).ToBeFocusedAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(contacts.Row($"Davi {surname}")).ToHaveCountAsync(1);

        await delete.ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(contacts.Row($"Davi {surname}")).ToHaveCountAsync(0);
        await contacts.ReloadAsync();
        await Expect(contacts.Row($"Davi {surname}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SearchNarrowsTheTableAsYouType()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var tag = ContactsPage.Unique("Sought");
        await contacts.AddAsync("Elisa", tag, "900 100", "elisa@example.com");
        await contacts.AddAsync("Fabio", tag, "900 200", "fabio@example.com");
        await contacts.AddAsync("Gil", ContactsPage.Unique("Other"), "900 300");

        await contacts.Search.PressSequentiallyAsync(tag); // key by key, as a person types
        await Expect(contacts.Search).ToHaveValueAsync(tag);
        await Expect(contacts.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = tag })).ToHaveCountAsync(2);
        await Expect(contacts.Row("Gil ")).ToHaveCountAsync(0);

        await contacts.SearchForAsync("fabio@");
        await Expect(contacts.Row($"Fabio {tag}")).ToHaveCountAsync(1);
        await Expect(contacts.Row($"Elisa {tag}")).ToHaveCountAsync(0);

        await contacts.SearchForAsync("");
        await Expect(contacts.Row("Gil ")).Not.ToHaveCountAsync(0);
    }
}
