namespace Agenda.E2E;

/// <summary>
/// A second Agenda process with <c>Security:RequireSignIn=true</c>: a bootstrap admin, and a viewer, an editor and a
/// user for the lockout test added beforehand with the <c>users add</c> command, as an operator would.
/// </summary>
public sealed class SignInFixture : IAsyncLifetime
{
    public const string Password = "meadow-lantern-77";
    private IPlaywright? _playwright;

    public AgendaProcess Agenda { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("agenda-signin-e2e").FullName;
        await UsersCommandRun.AddAsync(data, "vera", "Viewer", Password);
        await UsersCommandRun.AddAsync(data, "eddie", "Editor", Password);
        await UsersCommandRun.AddAsync(data, "lena", "Editor", Password);
        Agenda = await AgendaProcess.StartAsync(data, new Dictionary<string, string>
        {
            ["Security__RequireSignIn"] = "true",
            ["Security__BootstrapAdmin__Name"] = "root", // users exist, so this must create no one
            ["Security__BootstrapAdmin__Password"] = Password,
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IBrowserContext> NewPersonAsync() =>
        Browser.NewContextAsync(new() { BaseURL = Agenda.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });

    /// <summary>Opens <paramref name="path"/>, is sent to the sign-in page, signs in and lands back there.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext person, string name, string password = Password, string path = "/")
    {
        var page = await person.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Agenda is not null)
        {
            var data = Agenda.DataDirectory;
            await Agenda.DisposeAsync();
            try { Directory.Delete(data, recursive: true); }
            catch (IOException) { }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInFixture>
{
    public const string Name = "Agenda with sign-in";
}
