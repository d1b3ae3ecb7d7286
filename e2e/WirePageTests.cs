namespace Agenda.E2E;

/// <summary>The original study, retold by the Wire page: a Python client's conversation appears live and decodes.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class WirePageTests(AgendaUiFixture fixture)
{
    private static readonly string StudyClient = Path.Combine(DebianPython.SharedModules, "study_client.py");

    [Fact]
    public async Task APythonInsertAppearsAsTheStudysConversationAndItsInvokeExpandsDecoded()
    {
        await using var person = await fixture.NewPersonAsync(1400, 1000);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/wire");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start recording" });
        await Expect(start).ToBeEnabledAsync();
        await start.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop recording" })).ToBeEnabledAsync();
        // The fixture's process is shared: start from an empty capture so only this client's conversations show.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();

        var run = await DebianPython.RunAsync([StudyClient], fixture.Agenda.PyroEnvironment);
        Assert.True(run.ExitCode == 0, run.ToString());

        // No reload: the page's refresh brings both conversations in.
        var daemonRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "KLEIN_ROCHA.inserir" });
        await Expect(daemonRow).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pyro.NameServer.lookup" })).ToBeVisibleAsync();
        await daemonRow.GetByRole(AriaRole.Button).ClickAsync();

        var invoke = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "INVOKE seq=1 KLEIN_ROCHA.inserir" });
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "CONNECT seq=0 KLEIN_ROCHA" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "RESULT seq=1" })).ToBeVisibleAsync();
        await invoke.GetByRole(AriaRole.Button, new() { Name = "Message 3" }).ClickAsync();

        await Expect(page.GetByText("The client calls KLEIN_ROCHA.inserir(")).ToBeVisibleAsync();
        await Expect(page.GetByText("'FirstName': 'Klein'").First).ToBeVisibleAsync();
        var hex = page.GetByRole(AriaRole.Group, new() { Name = "Hex dump of message 3" });
        await Expect(hex.Locator(".hex [data-field=tag]")).ToHaveTextAsync("50 59 52 4f");
        await Expect(hex.GetByRole(AriaRole.List, new() { Name = "Legend" })).ToContainTextAsync("valid");
        await page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("wire"), FullPage = true });
    }
}
