namespace Agenda.E2E;

/// <summary>The contacts page as a person uses it: labels, roles and visible text only.</summary>
public sealed class ContactsPage(IPage page)
{
    public IPage Page => page;

    public ILocator FirstName => Labelled("First name");
    public ILocator SecondName => Labelled("Second name");
    /// <summary>The first phone's number: the original agenda's phone when it is the primary one.</summary>
    public ILocator Phone => PhoneNumber(1);
    public ILocator Email => EmailAddress(1);
    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
    public ILocator AddButton => page.GetByRole(AriaRole.Button, new() { Name = "Add contact" });
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Save changes" });

    // The form's rows are counted from 1, as people count and as their controls are named ("Phone 2 number").
    public ILocator PhoneNumber(int n) => Labelled($"Phone {n} number");
    public ILocator PhoneLabel(int n) => Labelled($"Phone {n} label");
    public ILocator PhoneIsPrimary(int n) => page.GetByRole(AriaRole.Radio, new() { Name = $"Phone {n} is primary", Exact = true });
    public ILocator EmailAddress(int n) => Labelled($"Email {n} address");
    public ILocator AddressPart(int n, string part) => Labelled($"Address {n} {part}");
    public ILocator Birthday(string part) => Labelled($"Birthday {part}");
    public ILocator GroupsBox => Labelled("Groups");
    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The chip that shows only one group's contacts; its name ends with the count ("Family, 2 contacts").</summary>
    public ILocator GroupFilter(string group) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Show only" }).GetByRole(AriaRole.Button, new() { Name = group + ", " });

    public ILocator FavouritesFilter =>
        page.GetByRole(AriaRole.Group, new() { Name = "Show only" }).GetByRole(AriaRole.Button, new() { Name = "Favourites" });

    public ILocator Star(string fullName) => Button($"Favourite {fullName}");

    /// <summary>The name in the table opens and closes the contact's details.</summary>
    public ILocator DetailsToggle(string fullName) =>
        page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Button, new() { Name = fullName, Exact = true });

    private ILocator Labelled(string name) => page.GetByLabel(name, new() { Exact = true });

    public static async Task<ContactsPage> OpenAsync(IBrowserContext person)
    {
        var contacts = new ContactsPage(await person.NewPageAsync());
        await contacts.ReloadAsync();
        return contacts;
    }

    /// <summary>Loads the page and waits until the circuit is interactive (controls are disabled before that).</summary>
    public async Task ReloadAsync()
    {
        await page.GotoAsync("/");
        await Expect(AddButton).ToBeEnabledAsync();
    }

    public ILocator Row(string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>The row buttons are named after the contact ("Edit Ana Silva") so a screen reader user knows which.</summary>
    public ILocator EditButton(string fullName) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Edit {fullName}", Exact = true });

    public ILocator DeleteButton(string fullName) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Delete {fullName}", Exact = true });

    public async Task FillAsync(string firstName, string secondName, string phone, string email)
    {
        await FirstName.FillAsync(firstName);
        await SecondName.FillAsync(secondName);
        await Phone.FillAsync(phone);
        await Email.FillAsync(email);
    }

    public async Task AddAsync(string firstName, string secondName, string phone = "", string email = "")
    {
        await FillAsync(firstName, secondName, phone, email);
        await AddButton.ClickAsync();
        await Expect(Row($"{firstName} {secondName}")).ToHaveCountAsync(1);
    }

    /// <summary>Opens the edit form for a contact and waits until it holds that contact (typing earlier would be
    /// overwritten when the form fills in, as it would for a person typing within a few milliseconds).</summary>
    public async Task EditAsync(string fullName)
    {
        await EditButton(fullName).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit contact #" })).ToBeVisibleAsync();
        await Expect(FirstName).ToBeFocusedAsync();
    }

    public async Task SearchForAsync(string text)
    {
        await Search.FillAsync(text);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, proving it can be reached by keyboard.</summary>
    public async Task TabToAsync(ILocator target, int atMost = 12)
    {
        for (var tabs = 0; tabs < atMost; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"{target} was not reached by {atMost} presses of Tab");
    }

    /// <summary>A name nobody else's test uses, so tests can share one server.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("n")[..6];
}
