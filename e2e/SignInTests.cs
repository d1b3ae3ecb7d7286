using System.Text.RegularExpressions;

namespace Agenda.E2E;

/// <summary>Sign-in as people use it in the browser, against the real process with sign-in required.</summary>
[Collection(SignInCollection.Name)]
public sealed class SignInTests(SignInFixture fixture)
{
    private static ILocator Alert(IPage page) => page.GetByRole(AriaRole.Alert).Filter(new() { HasNotText = "Something went wrong" });

    [Fact]
    public async Task AWrongPasswordSaysSoOnTheSignInPage()
    {
        await using var person = await fixture.NewPersonAsync();

        var page = await SignInFixture.SignInAsync(person, "eddie", "not-my-password");

        await Expect(Alert(page)).ToHaveTextAsync("Wrong name or password.");
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
        await page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("signin-wrong-password"), FullPage = true });
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndTheRightOneThenWaits()
    {
        await using var person = await fixture.NewPersonAsync();
        var page = await SignInFixture.SignInAsync(person, "lena", "wrong-guess-1");
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await Expect(Alert(page)).ToBeVisibleAsync();
            await page.GetByLabel("Name").FillAsync("lena");
            await page.GetByLabel("Password").FillAsync($"wrong-guess-{attempt}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await Expect(Alert(page)).ToContainTextAsync(new Regex(@"lena is locked until \d\d:\d\d UTC"));

        await page.GetByLabel("Name").FillAsync("lena");
        await page.GetByLabel("Password").FillAsync(SignInFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Alert(page)).ToContainTextAsync("locked until");
        await page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("signin-locked-out"), FullPage = true });
    }

    [Fact]
    public async Task AnEditorEditsAContactAndTheBadgeNamesThem()
    {
        await using var person = await fixture.NewPersonAsync();
        var signedIn = await SignInFixture.SignInAsync(person, "eddie");
        await Expect(signedIn.GetByRole(AriaRole.Banner)).ToContainTextAsync("eddie");
        var contacts = new ContactsPage(signedIn);
        await Expect(contacts.AddButton).ToBeEnabledAsync();
        var surname = ContactsPage.Unique("Edited");

        await contacts.AddAsync("Ines", surname);
        await contacts.EditAsync($"Ines {surname}");
        await contacts.Phone.FillAsync("69 900001111");
        await contacts.SaveButton.ClickAsync();

        var row = contacts.Row($"Ines {surname}");
        await Expect(row).ToContainTextAsync("69 900001111");
        await Expect(row.Locator(".door")).ToHaveTextAsync("UI · eddie");
    }

    [Fact]
    public async Task AViewerSeesTheContactsButNoWayToChangeThem()
    {
        await using var editor = await fixture.NewPersonAsync();
        var surname = ContactsPage.Unique("Seen");
        var editing = new ContactsPage(await SignInFixture.SignInAsync(editor, "eddie"));
        await Expect(editing.AddButton).ToBeEnabledAsync();
        await editing.AddAsync("Vito", surname);

        await using var viewer = await fixture.NewPersonAsync();
        var page = await SignInFixture.SignInAsync(viewer, "vera");
        var contacts = new ContactsPage(page);
        await Expect(contacts.Search).ToBeEnabledAsync(); // interactive: anything hidden now stays hidden
        await Expect(contacts.Row($"Vito {surname}")).ToHaveCountAsync(1);

        await Expect(contacts.AddButton).ToHaveCountAsync(0);
        await Expect(contacts.FirstName).ToHaveCountAsync(0);
        await Expect(contacts.EditButton($"Vito {surname}")).ToHaveCountAsync(0);
        await Expect(contacts.DeleteButton($"Vito {surname}")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("signin-viewer-contacts"), FullPage = true });
    }

    [Fact]
    public async Task SigningOutReturnsToTheSignInPageAndThePagesAskAgain()
    {
        await using var person = await fixture.NewPersonAsync();
        var page = await SignInFixture.SignInAsync(person, "eddie", path: "/wire");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wire inspector" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("signin-page"), FullPage = true });
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2F$"));
    }

    [Fact]
    public async Task TheBootstrapSettingCreatedNoOneBecauseUsersExisted()
    {
        await using var person = await fixture.NewPersonAsync();

        var page = await SignInFixture.SignInAsync(person, "root");

        await Expect(Alert(page)).ToHaveTextAsync("Wrong name or password.");
    }
}
