namespace Agenda.E2E;

/// <summary>Screenshots of both pages (written to the test output directory) and the phone-width layout.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class LayoutTests(AgendaUiFixture fixture)
{
    [Fact]
    public async Task ContactsPageScreenshotIsWritten()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        await contacts.AddAsync("Klein", ContactsPage.Unique("Rocha"), "69 98405-9615", "klein@example.com");
        await contacts.AddAsync("Luiza", ContactsPage.Unique("Souza"), "(11) 3456-7890", "luiza.souza@example.org");

        var file = AgendaUiFixture.Screenshot("contacts");
        await contacts.Page.ScreenshotAsync(new() { Path = file, FullPage = true });

        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
    }

    [Fact]
    public async Task NameServerPageShowsHowToConnectWithTheConfiguredPortsAndIsScreenshotted()
    {
        await using var person = await fixture.NewPersonAsync();
        var page = await person.NewPageAsync();
        await page.GotoAsync("/nameserver");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pyro name server" })).ToBeVisibleAsync();
        var settings = page.Locator("dl.settings");
        await Expect(settings).ToContainTextAsync(fixture.Agenda.NameServerPort.ToString());
        await Expect(settings).ToContainTextAsync(fixture.Agenda.DaemonPort.ToString());
        await Expect(page.GetByText($"PYRONAME:KLEIN_ROCHA@127.0.0.1:{fixture.Agenda.NameServerPort}")).ToBeVisibleAsync();
        // The process's own registrations: the name server itself and both agenda objects, with their metadata.
        foreach (var name in new[] { "Pyro.NameServer", "KLEIN_ROCHA", "agenda.contacts" })
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "agenda.contacts" })).ToContainTextAsync("agenda");

        var file = AgendaUiFixture.Screenshot("nameserver");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
    }

    [Fact]
    public async Task AtPhoneWidthNothingOverflowsSidewaysAndTheFormStaysUsable()
    {
        await using var person = await fixture.NewPersonAsync(width: 390, height: 844);
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Phone");
        await contacts.FillAsync("Maria", surname + " de Albuquerque", "+55 (69) 98405-9615", "maria.albuquerque@example.com");
        await contacts.AddButton.ClickAsync();
        await Expect(contacts.EditButton($"Maria {surname} de Albuquerque")).ToBeVisibleAsync();

        var overflow = await contacts.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen");

        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-phone"), FullPage = true });
    }

    [Fact]
    public async Task AtPhoneWidthTheWholeContactFitsTheScreen()
    {
        await using var person = await fixture.NewPersonAsync(width: 390, height: 844);
        var contacts = await ContactsPage.OpenAsync(person);
        var name = $"Teresa {ContactsPage.Unique("Phone")}";
        await contacts.FillAsync("Teresa", name[7..], "+55 (69) 98405-9615", "teresa.de.albuquerque@example.com");
        await contacts.Button("Add phone").ClickAsync();
        await contacts.PhoneNumber(2).FillAsync("(69) 3224-0000");
        await contacts.PhoneLabel(2).SelectOptionAsync("Custom…");
        await contacts.Page.GetByLabel("Phone 2 label, custom").FillAsync("Reception");
        await contacts.Button("Add address").ClickAsync();
        await contacts.AddressPart(1, "Street").FillAsync("Avenida Presidente Dutra 2000");
        await contacts.AddressPart(1, "City").FillAsync("Porto Velho");
        await contacts.GroupsBox.PressSequentiallyAsync("Family,Rondônia,");
        await contacts.Button("More name fields").ClickAsync();
        await contacts.Page.GetByLabel("Nickname", new() { Exact = true }).FillAsync("Tê");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-phone-form"), FullPage = true });
        Assert.True(await OverflowAsync(contacts) <= 0, "the form is wider than a 390px screen");

        await contacts.AddButton.ClickAsync();
        await contacts.DetailsToggle(name).ClickAsync();
        await Expect(contacts.Page.GetByText("Reception", new() { Exact = false })).ToBeVisibleAsync();
        await contacts.DetailsToggle(name).ScrollIntoViewIfNeededAsync();
        Assert.True(await OverflowAsync(contacts) <= 0, "the table is wider than a 390px screen");
        await contacts.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-phone-details"), FullPage = true });
    }

    private static Task<int> OverflowAsync(ContactsPage contacts) =>
        contacts.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
}
