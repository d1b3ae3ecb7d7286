using Agenda.Core.Accounts;
using Agenda.Core.Storage;
using Agenda.Rmi.Capture;
using Agenda.Web.Accounts;
using Agenda.Web.Components.Contacts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>
/// A bUnit context with the services the app has when sign-in is on — contacts, wire capture, Identity's accounts and
/// <see cref="UserAccounts"/> over a fresh SQLite file — and a person signed in with one role, cascaded as the app does.
/// </summary>
public sealed class SignedInPages : IAsyncDisposable
{
    private readonly AccountsTestDatabase _database = new("agenda-page-tests");

    public BunitContext Context { get; } = new();

    // A clock that never moves: door badges and lockouts read the same however slowly the machine renders.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public UserAccounts Accounts => Context.Services.GetRequiredService<UserAccounts>();

    public SignedInPages()
    {
        var services = Context.Services;
        // Identity without its cookie: bUnit's authorization stands in for the sign-in.
        _database.AddTo(services, Clock);
        services.AddWireCapture(_database.Configuration);
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<GroupCounts>(); // as the app's AddAgendaUi registers it
    }

    /// <summary>
    /// Signs <paramref name="name"/> in as <paramref name="role"/>, then opens the database (migrated, roles seeded).
    /// The context returned changes the person's roles later, as a demotion would.
    /// </summary>
    // bUnit takes no new services once one was resolved (SetRendererInfo resolves one), so the person comes first.
    public async Task<BunitAuthorizationContext> SignInAsync(string name, string role)
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await OpenDatabaseAsync();
        return auth;
    }

    public async Task OpenDatabaseAsync()
    {
        await Context.Services.InitializeContactStoreAsync();
        await AccountsStartup.SeedRolesAsync(Context.Services);
    }

    /// <summary>Runs <paramref name="use"/> with Identity's user manager, as the app's own scopes do.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<AgendaUser>, Task<T>> use)
    {
        await using var scope = Context.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<UserManager<AgendaUser>>());
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _database.Delete();
    }
}
