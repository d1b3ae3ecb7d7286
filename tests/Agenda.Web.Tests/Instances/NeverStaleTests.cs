using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Agenda.Web.Tests.Instances;

/// <summary>
/// Once instance A has acknowledged a write, instance B returns it: 1,000 write-then-read pairs, the writes alternating
/// REST and Pyro (Debian's Python) on A, the reads alternating REST and Pyro on B.
/// </summary>
public sealed class NeverStaleTests(TwoInstancesFixture two, ITestOutputHelper output) : IClassFixture<TwoInstancesFixture>
{
    private const int Pairs = 1_000;
    private const int Contacts = 10; // the pairs go round these, so each is written a hundred times

    [Fact]
    public async Task AThousandWritesOnAAreEachReadOnBAtOnce()
    {
        var ids = new List<long>();
        for (var i = 0; i < Contacts; i++)
        {
            var created = await two.RestA.PostAsJsonAsync("api/contacts", new { firstName = $"Pair {i}" });
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        await using var python = await two.PythonServeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var pair = 0; pair < Pairs; pair++)
        {
            var id = ids[pair % Contacts];
            var phone = $"555 {pair:D4}";
            var written = pair % 2 == 0 ? await WriteByRestAsync(id, phone) : await WriteByPyroAsync(python, id, phone);
            var read = (pair / 2) % 2 == 0 ? await ReadByRestAsync(id) : await ReadByPyroAsync(python, id);
            Assert.True(read == (written, phone), $"pair {pair}: A acknowledged version {written} with {phone}, B read version {read.Version} with {read.Phone}");
        }
        output.WriteLine($"{Pairs} pairs in {clock.ElapsedMilliseconds} ms");
    }

    private async Task<long> WriteByRestAsync(long id, string phone)
    {
        var response = await two.RestA.PatchAsync($"api/contacts/{id}", new StringContent($$"""{"phoneNumber":"{{phone}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    private static async Task<long> WriteByPyroAsync(PythonBackgroundProcess python, long id, string phone) =>
        Result(await python.AskAsync(Request("a", "update", id, new { phone_number = phone }))).GetProperty("version").GetInt64();

    private async Task<(long Version, string? Phone)> ReadByRestAsync(long id)
    {
        var contact = await TwoInstancesFixture.ContactAsync(two.RestB, id);
        return (contact.GetProperty("version").GetInt64(), contact.GetProperty("phoneNumber").GetString());
    }

    private static async Task<(long Version, string? Phone)> ReadByPyroAsync(PythonBackgroundProcess python, long id)
    {
        var contact = Result(await python.AskAsync(Request("b", "get", id)));
        return (contact.GetProperty("version").GetInt64(), contact.GetProperty("phone_number").GetString());
    }

    private static string Request(string on, string call, params object[] args) => JsonSerializer.Serialize(new { on, call, args });

    private static JsonElement Result(string answer)
    {
        var parsed = JsonDocument.Parse(answer).RootElement;
        Assert.True(parsed.TryGetProperty("result", out var result), answer);
        return result;
    }
}
