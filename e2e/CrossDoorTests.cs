using System.Net.Http.Json;
using System.Text.Json;

namespace Agenda.E2E;

/// <summary>The three doors over one store: the original Python client, the browser and REST see the same contact.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class CrossDoorTests(AgendaUiFixture fixture)
{
    [Fact]
    public async Task APythonInsertAppearsInTheOpenPageAndAnEditInThePageReachesPythonAndRest()
    {
        await using var person = await fixture.NewPersonAsync();
        var contacts = await ContactsPage.OpenAsync(person);
        var surname = ContactsPage.Unique("Cross");

        var id = long.Parse(await PythonAsync("insert", "Rui", surname, "69 984059615", "rui@example.com"));
        var row = contacts.Row($"Rui {surname}");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 1000 });  // no reload: the live update brought it
        // The badge names the door and, for Pyro, the client's address (Python's socket, so any port).
        await Expect(row.Locator(".door")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^RMI · 127\.0\.0\.1:\d+$"));

        await contacts.EditAsync($"Rui {surname}");
        await contacts.Phone.FillAsync("69 900001111");
        await contacts.Email.FillAsync("rui.novo@example.com");
        await contacts.SaveButton.ClickAsync();
        await Expect(row).ToContainTextAsync("69 900001111");

        using var fromPython = JsonDocument.Parse(await PythonAsync("get", id.ToString()));
        Assert.Equal(id, fromPython.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("69 900001111", fromPython.RootElement.GetProperty("PhoneNumber").GetString());
        Assert.Equal("rui.novo@example.com", fromPython.RootElement.GetProperty("Email").GetString());

        using var http = new HttpClient { BaseAddress = fixture.Agenda.BaseAddress };
        var fromRest = await http.GetFromJsonAsync<JsonElement>($"api/contacts/{id}");
        Assert.Equal("69 900001111", fromRest.GetProperty("phoneNumber").GetString());
        Assert.Equal("rui.novo@example.com", fromRest.GetProperty("email").GetString());
        Assert.Equal(2, fromRest.GetProperty("version").GetInt64());
    }

    private static readonly string CrossDoorScript = Path.Combine(TestPaths.Root, "e2e", "python", "cross_door.py");

    private async Task<string> PythonAsync(params string[] args)
    {
        var result = await DebianPython.RunAsync([CrossDoorScript, .. args], fixture.Agenda.PyroEnvironment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Trim();
    }
}
