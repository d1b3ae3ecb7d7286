using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Agenda.Web.Tests.Instances;

/// <summary>Restarts the test cluster, so it runs alone: every other test's sessions would end with it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerRestartCollection
{
    public const string Name = "PostgreSQL restarts";
}

/// <summary>
/// PostgreSQL restarting under REST writers on two real Agenda processes: every write answered 201 is there afterwards,
/// every other answer is a problem response, and both instances are healthy again by themselves.
/// </summary>
[Collection(ServerRestartCollection.Name)]
public sealed class ServerRestartTests(ITestOutputHelper output)
{
    private const int WritersPerInstance = 3;

    [Fact]
    public async Task RestartingPostgresUnderRestWritesLosesNoAcknowledgedContactAndBothInstancesRecover()
    {
        await using var instances = await AgendaInstances.StartAsync();
        var clients = instances.All.Select(i => new HttpClient { BaseAddress = i.BaseAddress }).ToList();
        var acknowledged = new ConcurrentBag<(long Id, string Name)>();
        var refused = new ConcurrentBag<HttpStatusCode>();
        var restarted = new TaskCompletionSource();

        var writers = Enumerable.Range(0, 2 * WritersPerInstance).Select(w => Task.Run(async () =>
        {
            var after = 0;
            for (var i = 0; !restarted.Task.IsCompleted || after < 20; i++)
            {
                var name = $"W{w}-{i}";
                var response = await clients[w % 2].PostAsJsonAsync("api/contacts", new { firstName = name });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    refused.Add(response.StatusCode);
                    continue;
                }
                acknowledged.Add(((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(), name));
                if (restarted.Task.IsCompleted) after++;
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Count >= 50, "writes before the restart");
        await PostgresServer.RestartAsync();
        restarted.SetResult();
        await Task.WhenAll(writers);

        foreach (var (id, name) in acknowledged)
            Assert.Equal(name, (await clients[(int)(id % 2)].GetFromJsonAsync<JsonElement>($"api/contacts/{id}")).GetProperty("firstName").GetString());
        for (var i = 0; i < clients.Count; i++)
        {
            var (client, instance) = (clients[i], instances.All[i]);
            await Eventually.TrueAsync(async () => instance.Log.Split("Listening for other instances' changes").Length - 1 == 2
                && await client.GetStringAsync("healthz") == "Healthy", () => instance.Log, TimeSpan.FromSeconds(30)); // listening again
        }
        output.WriteLine($"{acknowledged.Count} contacts acknowledged and found; refused: {string.Join(", ", refused.GroupBy(s => s).Select(g => $"{g.Count()} × {(int)g.Key}"))}");
    }
}
