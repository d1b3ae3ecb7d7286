using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Agenda.Web.Tests.Accounts;

/// <summary>
/// The whole app in memory with <c>Security:RequireSignIn=true</c> and a bootstrap admin, over a SQLite file in
/// <see cref="Directory"/> (pass one to start again on the same data).
/// </summary>
public sealed partial class SignInApplication(string? directory = null, string bootstrapAdmin = "root") : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct-horse-battery";

    public string Directory { get; } = directory ?? Path.Combine(Path.GetTempPath(), "agenda-signin-tests", Guid.NewGuid().ToString("n"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Agenda", $"Data Source={Path.Combine(Directory, "agenda.db")}");
        builder.UseSetting("Security:RequireSignIn", "true");
        builder.UseSetting("Security:BootstrapAdmin:Name", bootstrapAdmin);
        builder.UseSetting("Security:BootstrapAdmin:Password", AdminPassword);
        builder.UseFreePyroPorts();
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Fills and posts the sign-in form as a browser does, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string password, string? returnUrl = null)
    {
        var address = returnUrl is null ? "/signin" : $"/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await browser.GetStringAsync(address);
        return await browser.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Name"] = name,
            ["Input.Password"] = password,
        }));
    }

    public static string Token(string html) => AntiforgeryField().Match(html) is { Success: true } m
        ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token in the page");

    public static string? Alert(string html) => AlertText().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex AlertText();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
