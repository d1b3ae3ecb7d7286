using Agenda.Core.Accounts;
using Agenda.Web.Accounts;
using Agenda.Web.Components.Pages;
using Bunit;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// The Users page driven by an admin (ana) over the real accounts database: every action, what the page then shows,
/// and what <see cref="UserAccounts.ListAsync"/> reports afterwards.
/// </summary>
public sealed class UsersPageTests : IAsyncLifetime
{
    private const string Password = "correct horse battery", NewPassword = "staple gun 4 ever";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SignedInPages _pages = new();

    private UserAccounts Accounts => _pages.Accounts;

    public async Task InitializeAsync()
    {
        await _pages.SignInAsync("ana", AgendaRoles.Admin);
        await AddAsync("ana", AgendaRoles.Admin);
        await AddAsync("rui", AgendaRoles.Viewer);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    private async Task AddAsync(string name, string role) => Assert.True((await Accounts.AddAsync(name, role, Password)).Succeeded);

    private IRenderedComponent<UsersPage> RenderPage()
    {
        var page = _pages.Context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count), Patience);
        return page;
    }

    private static string Status(IRenderedComponent<UsersPage> page) => page.Find("[role=status]").TextContent;

    private static string RowOf(IRenderedComponent<UsersPage> page, string name) =>
        page.FindAll("tbody tr").Single(r => r.QuerySelector("td[data-label=Name]")!.TextContent.StartsWith(name)).TextContent;

    [Fact]
    public async Task AddingAUserListsThemWithTheirRole()
    {
        var page = RenderPage();

        page.Find("#new-name").Change(" eva ");
        page.Find("#new-role").Change(AgendaRoles.Editor);
        page.Find("#new-password").Change(Password);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Added eva as Editor.", Status(page)), Patience);
        Assert.Equal(AgendaRoles.Editor, page.Find("select[aria-label='Role of eva']").GetAttribute("value"));
        Assert.Equal("", page.Find("#new-name").GetAttribute("value"));
        Assert.Contains(new UserSummary("eva", AgendaRoles.Editor, null), await Accounts.ListAsync());
    }

    [Fact]
    public async Task AWeakPasswordShowsIdentitysMessageBesideTheFieldAndAddsNoOne()
    {
        var page = RenderPage();

        page.Find("#new-name").Change("eva");
        page.Find("#new-password").Change("short");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("at least 10 characters", page.Find("#new-password-error").TextContent), Patience);
        Assert.Equal("true", page.Find("#new-password").GetAttribute("aria-invalid"));
        Assert.Equal("Not saved: see the message beside the field.", Status(page));
        Assert.Equal("eva", page.Find("#new-name").GetAttribute("value")); // kept, so only the password needs typing again
        Assert.Equal(["ana", "rui"], (await Accounts.ListAsync()).Select(u => u.Name));
    }

    [Fact]
    public async Task ATakenNameIsRefusedBesideTheNameFieldAndTheAccountIsUntouched()
    {
        var page = RenderPage();

        page.Find("#new-name").Change("rui");
        page.Find("#new-role").Change(AgendaRoles.Admin);
        page.Find("#new-password").Change(NewPassword);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("'rui' is already taken", page.Find("#new-name-error").TextContent), Patience);
        Assert.Contains(new UserSummary("rui", AgendaRoles.Viewer, null), await Accounts.ListAsync());
        Assert.True(await _pages.WithUsersAsync(async u => await u.CheckPasswordAsync((await u.FindByNameAsync("rui"))!, Password)));
    }

    [Fact]
    public async Task ChangingARoleStoresItAndSaysSo()
    {
        var page = RenderPage();

        await page.Find("select[aria-label='Role of rui']").ChangeAsync(new() { Value = AgendaRoles.Editor });

        page.WaitForAssertion(() => Assert.Equal("rui is now Editor.", Status(page)), Patience);
        Assert.Equal(AgendaRoles.Editor, page.Find("select[aria-label='Role of rui']").GetAttribute("value"));
        Assert.Contains(new UserSummary("rui", AgendaRoles.Editor, null), await Accounts.ListAsync());
    }

    [Fact]
    public async Task ResettingAPasswordReplacesTheOldOne()
    {
        var page = RenderPage();

        await page.Find("button[aria-label='Reset the password of rui']").ClickAsync(new());
        page.Find("#reset-password").Change(NewPassword);
        await page.Find("form.note").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Set a new password for rui.", Status(page)), Patience);
        Assert.Empty(page.FindAll("#reset-password"));
        var works = await PasswordsOfRuiAsync(Password, NewPassword);
        Assert.Equal([false, true], works);
        Assert.Contains(new UserSummary("rui", AgendaRoles.Viewer, null), await Accounts.ListAsync());
    }

    [Fact]
    public async Task AWeakNewPasswordIsRefusedBesideItsFieldAndTheOldOneStillWorks()
    {
        var page = RenderPage();

        await page.Find("button[aria-label='Reset the password of rui']").ClickAsync(new());
        page.Find("#reset-password").Change("short");
        await page.Find("form.note").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("at least 10 characters", page.Find("#reset-password-error").TextContent), Patience);
        var works = await PasswordsOfRuiAsync(Password, "short");
        Assert.Equal([true, false], works);
    }

    [Fact]
    public async Task UnlockingALockedOutUserLetsThemSignInAgain()
    {
        await _pages.WithUsersAsync(async u => await u.SetLockoutEndDateAsync((await u.FindByNameAsync("rui"))!, _pages.Clock.GetUtcNow().AddMinutes(5)));
        var page = RenderPage();
        Assert.Contains("locked until 09:05 UTC", RowOf(page, "rui"));

        await page.Find("button[aria-label='Unlock rui']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Unlocked rui.", Status(page)), Patience);
        Assert.Contains("allowed", RowOf(page, "rui"));
        Assert.Empty(page.FindAll("button[aria-label='Unlock rui']"));
        Assert.Contains(new UserSummary("rui", AgendaRoles.Viewer, null), await Accounts.ListAsync());
    }

    [Fact]
    public async Task DeletingAUserAsksFirstAndKeepingThemChangesNothing()
    {
        var page = RenderPage();

        await page.Find("button[aria-label='Delete rui']").ClickAsync(new());
        Assert.Contains("Delete the user rui?", page.Find("[role=alertdialog]").TextContent);
        await page.Find("[role=alertdialog] button.secondary").ClickAsync(new());

        Assert.Empty(page.FindAll("[role=alertdialog]"));
        Assert.Equal(2, (await Accounts.ListAsync()).Count);
    }

    [Fact]
    public async Task ConfirmingADeleteRemovesTheUser()
    {
        var page = RenderPage();

        await page.Find("button[aria-label='Delete rui']").ClickAsync(new());
        await page.Find("[role=alertdialog] button.danger").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Deleted rui.", Status(page)), Patience);
        Assert.Single(page.FindAll("tbody tr"));
        Assert.Equal(["ana"], (await Accounts.ListAsync()).Select(u => u.Name));
    }

    [Fact]
    public async Task AnAdminsOwnRowOffersNoDeleteAndAForcedDemotionIsRefused()
    {
        var page = RenderPage();
        Assert.StartsWith("ana (you)", RowOf(page, "ana"));
        Assert.Empty(page.FindAll("button[aria-label='Delete ana']"));
        var ownRole = page.Find("select[aria-label='Role of ana']");
        Assert.True(ownRole.HasAttribute("disabled"));

        // What a tampered circuit could still send: the change event of the disabled select.
        await ownRole.ChangeAsync(new() { Value = AgendaRoles.Viewer });

        page.WaitForAssertion(() => Assert.Equal("You cannot delete yourself or change your own role.", Status(page)), Patience);
        Assert.Contains(new UserSummary("ana", AgendaRoles.Admin, null), await Accounts.ListAsync());
    }

    private Task<bool[]> PasswordsOfRuiAsync(params string[] passwords) => _pages.WithUsersAsync(async users =>
    {
        var rui = (await users.FindByNameAsync("rui"))!;
        var works = new List<bool>();
        foreach (var password in passwords) works.Add(await users.CheckPasswordAsync(rui, password));
        return works.ToArray();
    });
}
