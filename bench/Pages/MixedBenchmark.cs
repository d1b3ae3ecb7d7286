using System.Net.Http.Json;
using Agenda.Bench.Rest;
using Agenda.Bench.Rmi;
using Agenda.Bench.Support;
using Agenda.Rmi.Client;
using Microsoft.Playwright;

namespace Agenda.Bench.Pages;

/// <summary>
/// Every door at once on one Agenda process with 20 contacts pages open: RMI reads (<c>buscar</c>), REST writes
/// (<c>POST /api/contacts</c>) and UI writes (the first page's form, driven by Playwright), each door first alone and
/// then all together, with the favourite markers' lag on the 20 pages during the mixed load.
/// </summary>
public static class MixedBenchmark
{
    private const int RmiConnections = 8, RestConnections = 8;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1), Measured = TimeSpan.FromSeconds(6);

    public static async Task RunAsync()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        await RmiBenchmark.SeedAsync(agenda.DaemonPort);
        using var rest = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = RestConnections + 1 }) { BaseAddress = agenda.BaseAddress };
        await using var pages = await OpenPages.OpenAsync(agenda.BaseAddress, PagesBenchmark.OpenPageCount);
        var proxies = new List<PyroProxy>();
        try
        {
            LoadDoor[] doors =
            [
                new("RMI buscar", RmiConnections, async _ =>
                {
                    var proxy = await PyroProxy.ConnectAsync("127.0.0.1", agenda.DaemonPort, RmiBenchmark.ObjectId);
                    lock (proxies) proxies.Add(proxy);
                    return () => proxy.InvokeAsync("buscar", [(long)Random.Shared.Next(RmiBenchmark.Contacts)]);
                }),
                new("REST POST /api/contacts", RestConnections, _ => Task.FromResult<Func<Task>>(() => PostAsync(rest))),
                new("UI form (Add contact)", 1, _ => Task.FromResult<Func<Task>>(() => AddThroughFormAsync(pages.Pages[0]))),
            ];
            var alone = new List<CaseFigures>();
            foreach (var door in doors) alone.AddRange(await TimedLoad.RunAsync([door], WarmUp, Measured));

            var markers = new Markers(rest);
            using var stop = new CancellationTokenSource();
            var writing = markers.WriteUntilAsync(stop.Token);
            var mixed = await TimedLoad.RunAsync(doors, WarmUp, Measured);
            await stop.CancelAsync();
            await writing;
            var lag = await markers.LagAsync(pages, TimeSpan.FromSeconds(10));

            var table = new Table("Door", "Connections", "alone calls/s", "mixed calls/s", "mixed p50 ms", "mixed p99 ms", "mixed / alone");
            for (var i = 0; i < doors.Length; i++)
                table.Add(doors[i].Name, doors[i].Connections, alone[i].CallsPerSecond, mixed[i].CallsPerSecond, mixed[i].P50Ms, mixed[i].P99Ms,
                    $"{mixed[i].CallsPerSecond / alone[i].CallsPerSecond:P0}");
            table.Print($"Mixed load: every door at once, {PagesBenchmark.OpenPageCount} contacts pages open, {RmiBenchmark.Contacts:N0} contacts to start");
            Console.WriteLine($"\npages during the mixed load: {lag.SeenText} marker sightings, write acknowledged → row shown p50 {lag.P50Ms:0} ms, p99 {lag.P99Ms:0} ms");
        }
        finally
        {
            foreach (var proxy in proxies) await proxy.DisposeAsync();
        }
    }

    private static int s_posted;

    private static async Task PostAsync(HttpClient rest)
    {
        using var created = await rest.PostAsJsonAsync("api/contacts", Seed.Contact(Interlocked.Increment(ref s_posted)));
        created.EnsureSuccessStatusCode();
    }

    /// <summary>Fills the form's names and adds the contact; the form clears once the store has it.</summary>
    private static async Task AddThroughFormAsync(IPage page)
    {
        var firstName = page.GetByLabel("First name", new() { Exact = true });
        await firstName.FillAsync($"Form{Interlocked.Increment(ref s_posted)}");
        await page.GetByLabel("Second name", new() { Exact = true }).FillAsync("Mixed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Assertions.Expect(firstName).ToHaveValueAsync("");
    }
}
