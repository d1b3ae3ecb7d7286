using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Agenda.Web.Tests.Instances.TwoInstancesFixture;

namespace Agenda.Web.Tests.Instances;

/// <summary>Two real Agenda processes on one PostgreSQL database: what goes in through one comes out of the other.</summary>
public sealed class CrossInstanceTests(TwoInstancesFixture two) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task APythonInserirThroughInstanceAIsReadByRestOnInstanceB()
    {
        var id = long.Parse(await PythonAsync("inserir", two.A.ObjectUri("KLEIN_ROCHA"), "Klein", "Rocha", "69 984059615", "klein@example.com"));

        var onB = await ContactAsync(two.RestB, id);
        Assert.Equal(("Klein", "Rocha", "69 984059615", "klein@example.com", 1),
            (onB.GetProperty("firstName").GetString(), onB.GetProperty("secondName").GetString(), onB.GetProperty("phoneNumber").GetString(),
             onB.GetProperty("email").GetString(), onB.GetProperty("version").GetInt32()));
        var listed = await two.RestB.GetFromJsonAsync<JsonElement>("api/contacts?q=984059615");
        Assert.Contains(id, listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task WritesOnAThroughRestAndPyroArriveOnBsChangeStreamWithTheirDoors()
    {
        await using var changes = await ChangeStreamClient.OpenAsync(two.RestB);

        var posted = await two.RestA.PostAsJsonAsync("api/contacts", new { firstName = "Caio", secondName = "Stream" });
        var restId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var fromRest = await changes.NextAboutAsync(restId);
        var pyroId = long.Parse(await PythonAsync("inserir", two.A.ObjectUri("KLEIN_ROCHA"), "Klein", "Stream", "69 984059615", "klein@example.com"));
        var fromPyro = await changes.NextAboutAsync(pyroId);

        Assert.Equal(("created", "rest", "Stream"), (fromRest.Kind, fromRest.Door, fromRest.Contact.GetProperty("secondName").GetString()));
        Assert.Equal(("created", "rmi", "Klein"), (fromPyro.Kind, fromPyro.Door, fromPyro.Contact.GetProperty("firstName").GetString()));
        Assert.Equal(JsonSerializer.Serialize(await ContactAsync(two.RestB, pyroId)), JsonSerializer.Serialize(fromPyro.Contact)); // as GET on B shows it
    }

    [Fact]
    public async Task AnIfMatchOnBThatAWriteOnAMadeStaleIsRefusedWith412AndChangesNothing()
    {
        var created = await two.RestA.PostAsJsonAsync("api/contacts", new { firstName = "Ana", secondName = "Etag" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var etagOnB = (await two.RestB.GetAsync($"api/contacts/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(two.RestA, id, """{"secondName":"From A"}""", etagOnB)).StatusCode);

        var stale = await PatchAsync(two.RestB, id, """{"secondName":"From B"}""", etagOnB);

        var problem = await Api.Problem.ReadAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("\"2\"", problem.GetProperty("detail").GetString()); // names the version it has now
        var stored = await ContactAsync(two.RestA, id);
        Assert.Equal(("From A", 2), (stored.GetProperty("secondName").GetString(), stored.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task AStaleVersionThroughPyroOnBAfterAWriteOnARaisesThePythonValueError()
    {
        var created = await two.RestA.PostAsJsonAsync("api/contacts", new { firstName = "Bia", email = "bia@example.com" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(two.RestA, id, """{"secondName":"Nova"}""")).StatusCode);

        var message = await PythonAsync("stale", two.B.ObjectUri("agenda.contacts"), id.ToString(), "1");

        Assert.Equal($"contact {id} was changed meanwhile: it has version 2, not the expected 1; nothing was changed", message);
        Assert.Equal("bia@example.com", (await ContactAsync(two.RestB, id)).GetProperty("email").GetString());
    }

    [Fact]
    public async Task ARestImportOnAShowsUpOnB()
    {
        var tag = $"imp{Guid.NewGuid():n}"[..12];
        var vcf = string.Concat(Enumerable.Range(0, 200).Select(i =>
            $"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{tag} {i}\r\nN:{i};{tag};;;\r\nTEL;TYPE=cell:555 {i:D4}\r\nEND:VCARD\r\n"));
        var import = await two.RestA.PostAsync("api/contacts/import", new StringContent(vcf, Encoding.UTF8, "text/vcard"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var ids = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactIds").EnumerateArray().Select(i => i.GetInt64()).ToList();

        var onB = await two.RestB.GetFromJsonAsync<JsonElement>($"api/contacts?q={tag}&pageSize=500");

        Assert.Equal(200, onB.GetProperty("total").GetInt32());
        Assert.Equal(ids, onB.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal("555 0199", onB.GetProperty("items")[199].GetProperty("phoneNumber").GetString());
    }

    [Fact]
    public async Task HealthzOnEachInstanceSaysItHearsTheOthersAndItsListenerComesBackWhenItsSessionIsEnded()
    {
        foreach (var rest in new[] { two.RestA, two.RestB })
        {
            var health = await HealthAsync(rest);
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.Equal("contact store answers", health.GetProperty("checks").GetProperty("store").GetProperty("description").GetString());
            Assert.StartsWith("hearing other instances' changes since ", health.GetProperty("checks").GetProperty("changes").GetProperty("description").GetString());
        }

        Assert.Equal(["True"], await two.Instances.Database.QueryAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'agenda changes agenda-b.%'"));

        await Eventually.TrueAsync(() => Occurrences(two.B.Log, "Listening for other instances' changes") == 2, () => two.B.Log);
        Assert.Contains("Not hearing other instances' changes (57P01: terminating connection due to administrator command)", two.B.Log);
        Assert.Equal("Healthy", (await HealthAsync(two.RestB)).GetProperty("status").GetString());
        Assert.Equal(1, Occurrences(two.A.Log, "Listening for other instances' changes")); // A's own session was not touched
    }

    private static async Task<JsonElement> HealthAsync(HttpClient rest)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
        request.Headers.Accept.ParseAdd("application/json");
        var response = await rest.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private static Task<HttpResponseMessage> PatchAsync(HttpClient rest, long id, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"api/contacts/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return rest.SendAsync(request);
    }
}
