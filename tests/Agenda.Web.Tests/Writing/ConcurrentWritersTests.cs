using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agenda.Rmi.Client;
using Agenda.Web.Tests.Pyro;
using Microsoft.Data.Sqlite;

namespace Agenda.Web.Tests.Writing;

/// <summary>
/// The real process with writers at every door at once (Debian's Python Pyro4 through both objects, REST): group commit
/// gives dense ids, each acknowledged write stored once under its own id; and a kill -9 while they write loses nothing
/// any of them saw acknowledged.
/// </summary>
public class ConcurrentWritersTests
{
    [Fact]
    public async Task WritersAtEveryDoorAtOnceGetDenseIdsAndEachWriteIsStoredOnceUnderItsId()
    {
        const int pythonClients = 4, restClients = 4, each = 30;
        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };

        var python = Enumerable.Range(0, pythonClients).Select(async w =>
        {
            var run = await PythonScript.RunAsync("write_both_objects.py", agenda.PyroEnvironment, [$"{w}", $"{each}"], TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, $"{run}\nAgenda log:\n{agenda.Log}");
            return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' '))
                .Select(p => (Id: long.Parse(p[0]), Name: $"{p[1]} {p[2]}")).ToList();
        });
        var rest = Enumerable.Range(0, restClients).Select(async w =>
        {
            var acknowledged = new List<(long Id, string Name)>();
            for (var i = 0; i < each; i++)
            {
                var response = await http.PostAsJsonAsync("api/contacts", new { firstName = $"Rest{w}", secondName = $"N{i}" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged.Add((await IdOfAsync(response), $"Rest{w} N{i}"));
            }
            return acknowledged;
        });
        var written = (await Task.WhenAll(python.Concat(rest))).SelectMany(w => w).ToList();

        var stored = await AllAsync(http);
        Assert.Equal(Enumerable.Range(0, (pythonClients + restClients) * each).Select(i => (long)i), stored.Keys.Order());
        Assert.All(written, w => Assert.Equal(w.Name, stored[w.Id]));
        Assert.Equal(written.Count, written.Select(w => w.Name).Distinct().Count());
    }

    [Fact]
    public async Task KillingTheProcessWhileClientsWriteLosesNoAcknowledgedWriteAndLeavesNoHole()
    {
        const int pyroClients = 8, restClients = 4;
        var data = Directory.CreateTempSubdirectory("agenda-kill").FullName;
        try
        {
            var acknowledged = new ConcurrentDictionary<long, string>();
            int storedCount;
            await using (var agenda = await AgendaProcess.StartAsync(data))
            {
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, pyroClients).Select(w => WriteOverPyroAsync(agenda, $"Pyro{w}", acknowledged, stop.Token))
                    .Concat(Enumerable.Range(0, restClients).Select(w => WriteOverRestAsync(agenda, $"Rest{w}", acknowledged, stop.Token))).ToList();
                await Eventually.TrueAsync(() => acknowledged.Count >= 400, () => $"400 acknowledged writes; {acknowledged.Count} so far",
                    TimeSpan.FromMinutes(2));
                await agenda.CrashAsync(); // SIGKILL while every client has a write in flight
                await Task.WhenAll(writers); // each stops at its first failed call
            }

            await using (var file = new SqliteConnection($"Data Source={Path.Combine(data, "agenda.db")};Pooling=False"))
            {
                await file.OpenAsync();
                Assert.Equal(["ok"], await QueryAsync(file, "PRAGMA integrity_check"));
                var stored = (await QueryAsync(file, """SELECT "Id" || ' ' || "FirstName" || ' ' || "SecondName" FROM "Contacts" ORDER BY "Id" """))
                    .Select(line => line.Split(' ', 2)).ToDictionary(p => long.Parse(p[0]), p => p[1]);
                Assert.All(acknowledged, a => Assert.Equal(a.Value, stored.GetValueOrDefault(a.Key)));
                Assert.Equal(Enumerable.Range(0, stored.Count).Select(i => (long)i), stored.Keys); // no hole
                Assert.InRange(stored.Count - acknowledged.Count, 0, pyroClients + restClients); // at most the writes in flight
                Assert.Equal([$"{stored.Count}"], await QueryAsync(file, """SELECT "Next" FROM "IdCounters" WHERE "Name" = 'contacts'"""));
                storedCount = stored.Count;
            }

            await using var again = await AgendaProcess.StartAsync(data);
            using var http = new HttpClient { BaseAddress = again.BaseAddress };
            Assert.Equal(storedCount, await IdOfAsync(await http.PostAsJsonAsync("api/contacts", new { firstName = "After" })));
            Assert.Equal(storedCount + 1, (await AllAsync(http)).Count);
        }
        finally { Directory.Delete(data, recursive: true); }
    }

    private static async Task WriteOverPyroAsync(AgendaProcess agenda, string name, ConcurrentDictionary<long, string> acknowledged, CancellationToken stop)
    {
        try
        {
            await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", agenda.DaemonPort, "KLEIN_ROCHA");
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = (long)(await proxy.InvokeAsync("inserir", [new Dictionary<string, object?>
                    { ["id"] = null, ["FirstName"] = name, ["SecondName"] = $"N{i}", ["PhoneNumber"] = "", ["Email"] = "" }]))!;
                acknowledged[id] = $"{name} N{i}";
            }
        }
        catch (PyroCommunicationException) { } // the process is gone
    }

    private static async Task WriteOverRestAsync(AgendaProcess agenda, string name, ConcurrentDictionary<long, string> acknowledged, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await http.PostAsJsonAsync("api/contacts", new { firstName = name, secondName = $"N{i}" }, stop);
                if (response.StatusCode != HttpStatusCode.Created) return;
                acknowledged[await IdOfAsync(response)] = $"{name} N{i}";
            }
        }
        catch (HttpRequestException) { } // the process is gone
    }

    private static async Task<long> IdOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

    /// <summary>Every stored contact's "first second" by id, read over REST page by page.</summary>
    private static async Task<Dictionary<long, string>> AllAsync(HttpClient http)
    {
        var all = new Dictionary<long, string>();
        string? token = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"api/contacts?pageSize=100{(token is null ? "" : $"&pageToken={token}")}");
            foreach (var c in page.GetProperty("items").EnumerateArray())
                all.Add(c.GetProperty("id").GetInt64(), $"{c.GetProperty("firstName").GetString()} {c.GetProperty("secondName").GetString()}");
            token = page.GetProperty("nextPageToken").GetString();
        } while (token is not null);
        return all;
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetValue(0).ToString()!);
        return rows;
    }
}
