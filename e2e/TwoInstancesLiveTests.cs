using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Agenda.E2E;

/// <summary>A page open on instance B shows what comes in through instance A, live, with the door it came through.</summary>
public sealed class TwoInstancesLiveTests(TwoInstancesUiFixture two, ITestOutputHelper output) : IClassFixture<TwoInstancesUiFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1000 };

    [Fact]
    public async Task APythonInsertThroughAAppearsInAPageOpenOnBWithinASecondWithTheRmiBadge()
    {
        await using var person = await two.NewPersonAsync(two.Instances.B);
        var onB = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Elsewhere");

        var clock = Stopwatch.StartNew();
        var inserted = await DebianPython.RunAsync([Path.Combine(DebianPython.SharedModules, "instances_client.py"),
            "inserir", two.Instances.A.ObjectUri("KLEIN_ROCHA"), "Klein", surname, "69 984059615", "klein@example.com"]);
        Assert.True(inserted.ExitCode == 0, inserted.ToString());
        var acknowledged = clock.Elapsed;

        var row = onB.Row($"Klein {surname}");
        await Expect(row).ToBeVisibleAsync(WithinASecond); // no reload: B heard A's write
        output.WriteLine($"visible on B {(clock.Elapsed - acknowledged).TotalMilliseconds:F0} ms after Python had its id");
        await Expect(row.Locator(".door")).ToHaveTextAsync(new Regex(@"^RMI · 127\.0\.0\.1:\d+$"));
        await Expect(onB.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Contact #{inserted.Output.Trim()} added via RMI");
        await onB.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("two-instances-live") });
    }

    [Fact]
    public async Task AnEditAndADeleteByRestOnAShowInAPageOpenOnB()
    {
        await using var person = await two.NewPersonAsync(two.Instances.B);
        var onB = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Rest");
        using var restA = new HttpClient { BaseAddress = two.Instances.A.BaseAddress };
        var created = await restA.PostAsync("api/contacts", Json($$"""{"firstName":"Rui","secondName":"{{surname}}"}"""));
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var row = onB.Row($"Rui {surname}");
        await Expect(row).ToBeVisibleAsync(WithinASecond);

        await restA.PatchAsync($"api/contacts/{id}", Json("""{"phoneNumber":"555 0303"}"""));
        await Expect(row.GetByText("555 0303")).ToBeVisibleAsync(WithinASecond);
        await Expect(row.Locator(".door")).ToHaveTextAsync("REST");

        await restA.DeleteAsync($"api/contacts/{id}");
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 1000 });
        await Expect(onB.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Contact #{id} deleted via REST");
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
