using Agenda.Core.Accounts;
using Agenda.Web.Accounts;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// <see cref="UserAccounts"/> itself refuses an admin's deleting or demoting themselves, so a page that forgets to
/// hide the controls cannot lose the last admin; the command line (no one acting) may.
/// </summary>
public sealed class UserAccountsSelfProtectionTests : IAsyncLifetime
{
    private const string Refusal = "You cannot delete yourself or change your own role.";

    private readonly SignedInPages _pages = new();

    private UserAccounts Accounts => _pages.Accounts;

    public async Task InitializeAsync()
    {
        await _pages.OpenDatabaseAsync();
        Assert.True((await Accounts.AddAsync("ana", AgendaRoles.Admin, "correct horse battery")).Succeeded);
        Assert.True((await Accounts.AddAsync("rui", AgendaRoles.Admin, "correct horse battery")).Succeeded);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    [Theory]
    [InlineData("ana")]
    [InlineData("ANA")] // Identity's names are not case-sensitive
    public async Task AnAdminCannotDeleteThemselves(string by)
    {
        Assert.Equal([Refusal], (await Accounts.DeleteAsync("ana", by)).Errors);
        Assert.Contains("ana", (await Accounts.ListAsync()).Select(u => u.Name));
    }

    [Fact]
    public async Task AnAdminCannotChangeTheirOwnRole()
    {
        Assert.Equal([Refusal], (await Accounts.ChangeRoleAsync("ana", AgendaRoles.Viewer, "ana")).Errors);
        Assert.Contains(new UserSummary("ana", AgendaRoles.Admin, null), await Accounts.ListAsync());
    }

    [Fact]
    public async Task AnAdminMayDeleteAndDemoteSomeoneElse()
    {
        Assert.True((await Accounts.ChangeRoleAsync("rui", AgendaRoles.Viewer, "ana")).Succeeded);
        Assert.True((await Accounts.DeleteAsync("rui", "ana")).Succeeded);
        Assert.Equal(["ana"], (await Accounts.ListAsync()).Select(u => u.Name));
    }

    [Fact]
    public async Task WithNoOneActingAsOnTheCommandLineAnyAccountMayChange()
    {
        Assert.True((await Accounts.ChangeRoleAsync("ana", AgendaRoles.Editor)).Succeeded);
        Assert.True((await Accounts.DeleteAsync("ana")).Succeeded);
        Assert.Equal([new UserSummary("rui", AgendaRoles.Admin, null)], await Accounts.ListAsync());
    }
}
