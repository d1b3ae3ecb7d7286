namespace Agenda.E2E;

/// <summary>The contacts page as a person uses it: labels, roles and visible text only.</summary>
public sealed class ContactsPage(IPage page)
{
    public IPage Page => page;

    public ILocator FirstName => page.GetByLabel("First name");
    public ILocator SecondName => page.GetByLabel("Second name");
    public ILocator Phone => page.GetByLabel("Phone number");
    public ILocator Email => page.GetByLabel("Email");
    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
    public ILocator AddButton => page.GetByRole(AriaRole.Button, new() { Name = "Add contact" });
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Save changes" });

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

    /// <summary>A name nobody else's test uses, so tests can share one server.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("n")[..6];
}
