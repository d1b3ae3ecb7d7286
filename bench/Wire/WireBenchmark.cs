using System.Net.Http.Json;
using System.Text.Json;
using Agenda.Bench.Rmi;
using Agenda.Bench.Support;
using Agenda.Rmi.Client;

namespace Agenda.Bench.Wire;

/// <summary>
/// What the wire inspector costs: <c>buscar</c> with 16 connections against one Agenda process with the capture
/// stopped and started (same process, same run), optionally against another build (<c>AGENDA_BASELINE_DLL</c>, e.g.
/// Agenda.Web.dll built from the commit before the inspector); then memory through 100,000 captured calls.
/// </summary>
public static class WireBenchmark
{
    private const int Connections = 16, CapturedCalls = 100_000;

    public static async Task RunAsync()
    {
        var table = new Table("Agenda", "Capture", "Connections", "Calls/s", "p50 ms", "p99 ms");
        var baselineDll = Environment.GetEnvironmentVariable("AGENDA_BASELINE_DLL");
        CaseFigures? baseline = null;
        if (!string.IsNullOrEmpty(baselineDll))
        {
            await using var before = await AgendaProcess.StartAsync(dll: baselineDll);
            await RmiBenchmark.SeedAsync(before.DaemonPort);
            baseline = await RmiBenchmark.BuscarAsync("before the inspector", before.DaemonPort, Connections);
            table.Add("before the inspector", "(none)", Connections, baseline.CallsPerSecond, baseline.P50Ms, baseline.P99Ms);
        }

        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        await RmiBenchmark.SeedAsync(agenda.DaemonPort);
        var off = await RmiBenchmark.BuscarAsync("this build", agenda.DaemonPort, Connections);
        await http.PostAsync("api/wire/start", null);
        var on = await RmiBenchmark.BuscarAsync("this build", agenda.DaemonPort, Connections);
        table.Add("this build", "off", Connections, off.CallsPerSecond, off.P50Ms, off.P99Ms);
        table.Add("this build", "on", Connections, on.CallsPerSecond, on.P50Ms, on.P99Ms);
        table.Print("Wire capture cost: buscar(random id), 16 connections");
        Console.WriteLine();
        Console.WriteLine($"capture on / off: {on.CallsPerSecond / off.CallsPerSecond:P0} (target ≥ 70%)");
        if (baseline is not null) Console.WriteLine($"capture off / before the inspector: {off.CallsPerSecond / baseline.CallsPerSecond:P0} (target: within noise)");

        await http.PostAsync("api/wire/clear", null);
        var rssBefore = ResidentMiB(agenda.ProcessId);
        await CallManyAsync(agenda.DaemonPort);
        var status = await http.GetFromJsonAsync<JsonElement>("api/wire");
        var (held, kept, cap) = (status.GetProperty("heldBytes").GetInt64() / 1048576.0, status.GetProperty("messages").GetInt32(),
            status.GetProperty("bounds").GetProperty("maxBytes").GetInt64() / 1048576.0);
        Console.WriteLine($"\nAfter {CapturedCalls:N0} captured calls: {kept:N0} messages kept, holding {held:0.0} MiB of the {cap:0} MiB cap; " +
                          $"process resident memory {rssBefore:0} MiB before, {ResidentMiB(agenda.ProcessId):0} MiB after");
    }

    private static async Task CallManyAsync(int port)
    {
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", port, RmiBenchmark.ObjectId);
            for (var i = 0; i < CapturedCalls / Connections; i++)
                await proxy.InvokeAsync("buscar", [(long)Random.Shared.Next(RmiBenchmark.Contacts)]);
        }));
    }

    // VmRSS from /proc: what the process really holds, GC heaps and all.
    private static double ResidentMiB(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).Single();
}
