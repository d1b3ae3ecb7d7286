using System.Net.Http.Json;
using Agenda.Bench.Support;

namespace Agenda.Bench.Rest;

/// <summary>
/// GET /api/contacts/{id} with random existing ids against a constant endpoint whose body has the same size, served
/// by a minimal web app in a process of its own (bench/ConstantServer): the ratio says how much of the framework's
/// ceiling the contact route keeps.
/// </summary>
public static class RestBenchmark
{
    private const int Contacts = 1_000;
    private const int Connections = 16;

    public static async Task RunAsync()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        await using var constantServer = await ConstantServerProcess.StartAsync();
        using var http = Client(agenda.BaseAddress);
        using var constantHttp = Client(constantServer.BaseAddress);
        var ids = await Seed.OverRestAsync(http, Contacts);
        var size = (await http.GetByteArrayAsync($"api/contacts/{ids[0]}")).Length;
        var constantPath = ConstantServerProcess.PathFor(size);
        if ((await constantHttp.GetByteArrayAsync(constantPath)).Length != size)
            throw new InvalidOperationException($"the constant endpoint does not answer {size} bytes");

        var contact = await LoadRun.RunAsync("GET /api/contacts/{id}", Connections, _ => Task.FromResult<Func<Task>>(
            () => http.GetOkAsync($"api/contacts/{ids[Random.Shared.Next(ids.Count)]}")));
        var constant = await LoadRun.RunAsync($"GET constant {size} B", Connections, _ => Task.FromResult<Func<Task>>(
            () => constantHttp.GetOkAsync(constantPath)));

        var table = new Table("Case", "Connections", "Requests/s", "p50 ms", "p99 ms");
        foreach (var c in new[] { contact, constant }) table.Add(c.Case, c.Connections, c.CallsPerSecond, c.P50Ms, c.P99Ms);
        table.Print($"REST get-by-id vs a constant endpoint of the same size ({Contacts:N0} contacts)");
        Console.WriteLine($"\nREST / constant = {contact.CallsPerSecond / constant.CallsPerSecond:P0} (target ≥ 50%)");
    }

    private static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = baseAddress };
}

/// <summary>Seed contacts the way a user would, so ids and versions are real.</summary>
public static class Seed
{
    public static ContactFields Contact(int i) => new(
        $"Nome{i}", $"Sobrenome{i % 97}", $"69 9{8400000 + i:D7}", $"nome{i}@example.com");

    public static async Task<List<long>> OverRestAsync(HttpClient http, int count)
    {
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            using var created = await http.PostAsJsonAsync("api/contacts", Contact(i));
            created.EnsureSuccessStatusCode();
            ids.Add((await created.Content.ReadFromJsonAsync<CreatedContact>())!.Id);
        }
        return ids;
    }

    public sealed record ContactFields(string FirstName, string SecondName, string PhoneNumber, string Email);

    private sealed record CreatedContact(long Id);
}
