using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Agenda.Web.Tests.Components;

/// <summary>The HTML served before the circuit connects: complete enough to read, but with every control disabled,
/// because a click on a prerendered button is silently lost.</summary>
public sealed partial class PrerenderTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agenda-prerender", Guid.NewGuid().ToString("n"));
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("ConnectionStrings:Agenda", $"Data Source={Path.Combine(_directory, "agenda.db")}").UseFreePyroPorts());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task HomePageIsTheContactsPageWithItsControlsDisabledUntilInteractive()
    {
        var html = await _app.CreateClient().GetStringAsync("/");

        Assert.Contains("<h1>Contacts</h1>", html);
        Assert.Contains("<label for=\"first-name\">First name</label>", html);
        var controls = Control().Matches(html);
        Assert.True(controls.Count >= 20, $"expected the form's rows, the filters and the pager, found {controls.Count}");
        Assert.All(controls, c => Assert.Contains(" disabled", c.Value));
        Assert.Contains("_framework/blazor.web.js", html);
    }

    [Fact]
    public async Task TheWirePageIsPrerenderedWithItsControlsDisabledUntilInteractive()
    {
        var html = await _app.CreateClient().GetStringAsync("/wire");

        Assert.Contains("<h1>Wire inspector</h1>", html);
        Assert.Contains("href=\"wire\"", html); // the nav link
        var controls = WireControl().Matches(html);
        Assert.True(controls.Count >= 6, $"expected start, stop, clear and the three filters, found {controls.Count}");
        Assert.All(controls, c => Assert.Contains(" disabled", c.Value));
    }

    [Fact]
    public async Task TheBlazorScriptAndTheAppStylesAreServed()
    {
        var client = _app.CreateClient();

        Assert.Contains("Blazor", await client.GetStringAsync("/_framework/blazor.web.js"));
        Assert.Contains("--accent", await client.GetStringAsync("/app.css"));
    }

    [GeneratedRegex("<(?:input|button|select|textarea)\\b[^>]*>")]
    private static partial Regex Control();

    [GeneratedRegex("<(?:input|button|select)\\b[^>]*>")]
    private static partial Regex WireControl();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
