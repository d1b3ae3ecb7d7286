using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Agenda.Web.Tests.Pyro;

/// <summary>Whole cards over Pyro with Debian's Python Pyro4 4.82, and the original client beside them.</summary>
public class RichContactsOverPyroTests
{
    private static async Task<string> RunOk(AgendaProcess agenda, string script, params string[] args)
    {
        var result = await PythonScript.RunAsync(script, agenda.PyroEnvironment, args);
        Assert.True(result.ExitCode == 0, $"{script}: {result}\nAgenda log:\n{agenda.Log}");
        return result.Output;
    }

    [Fact]
    public async Task AStockClientRoundTripsRichDictsAndTheOriginalClientChangesOnlyItsFiveFields()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        Assert.Contains("rich contacts client ok", await RunOk(agenda, "rich_contacts_client.py"));
    }

    [Fact]
    public async Task TheOriginalClientsAtualizarKeepsEverythingRestAddedToTheContact()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        const string rich = """
            {"firstName":"Ana","secondName":"Silva","organization":"Example Lda.","notes":"Keep me.","favorite":true,
             "phones":[{"label":"work","number":"910 000 111","primary":true},{"label":"mobile","number":"600 111 222"}],
             "emails":[{"label":"home","address":"ana@example.com"},{"label":"work","address":"ana@work.example.com"}],
             "addresses":[{"label":"home","street":"Rua das Flores 12","city":"Lisboa"}],"birthday":"1990-05-17","groups":["Family"]}
            """;
        var created = await http.PostAsync("api/contacts", new StringContent(rich, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var before = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("atualizar ok 910 000 111", await RunOk(agenda, "atualizar_rich.py", before.GetProperty("id").GetInt64().ToString()));

        var after = await http.GetFromJsonAsync<JsonElement>($"api/contacts/{before.GetProperty("id").GetInt64()}");
        Assert.Equal(("Ana Maria", "ana.maria@example.com", 2), (after.GetProperty("firstName").GetString(),
            after.GetProperty("email").GetString(), after.GetProperty("version").GetInt32()));
        Assert.Equal("ana@work.example.com", after.GetProperty("emails")[1].GetProperty("address").GetString());
        foreach (var kept in new[] { "secondName", "organization", "notes", "favorite", "phones", "addresses", "birthday", "groups", "uid" })
            Assert.Equal(before.GetProperty(kept).GetRawText(), after.GetProperty(kept).GetRawText());
    }
}
