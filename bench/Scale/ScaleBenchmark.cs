using System.Diagnostics;
using Agenda.Bench.Support;
using Agenda.Rmi.Client;
using Agenda.Tests;

namespace Agenda.Bench.Scale;

/// <summary>
/// 100,000 contacts: search latency over REST and RMI (single caller, a fixed mix of terms: rare, common, phone
/// digits, no match), <c>buscar</c> of random ids, the time of <c>listar_todos</c> (the whole agenda in one reply), and
/// the process's memory after each phase and at its peak.
/// </summary>
public static class ScaleBenchmark
{
    public const int Contacts = 100_000;

    // Rare (one contact), common (thousands: only the first page is fetched), phone digits, and no match at all.
    private static readonly string[] Terms = ["ana.silva1234@", "oliveira", "9840", "zzzz", "beatriz rocha", "rodrigues99"];

    /// <summary>What one run measured: the latency table and the memory of the Agenda process.</summary>
    public sealed record Figures(Table Latencies, Table Memory, double PeakMiB, double ListarTodosP50Ms);

    public static async Task RunAsync()
    {
        var figures = await MeasureAsync();
        figures.Latencies.Print($"Scale: {Contacts:N0} contacts");
        figures.Memory.Print("Scale: memory of the Agenda process after each phase (MiB)");
        Console.WriteLine($"\npeak memory of the Agenda process: {figures.PeakMiB:0} MiB (goal < 250)");
    }

    /// <param name="settings">Extra environment for the Agenda process (the gc case's runtime settings).</param>
    public static async Task<Figures> MeasureAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "agenda-bench", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(data);
        try
        {
            File.Copy(await SeededAsync(), Path.Combine(data, "agenda.db"));
            await using var agenda = await AgendaProcess.StartAsync(data, settings);
            return await MeasureAsync(agenda);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static string? _seeded;

    // Seeded once per run and copied for each process (the gc case starts several).
    private static async Task<string> SeededAsync()
    {
        if (_seeded is not null) return _seeded;
        var file = Path.Combine(Path.GetTempPath(), "agenda-bench", $"scale-{Guid.NewGuid():n}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var seeding = Stopwatch.StartNew();
        await ScaleSeed.WriteAsync(file, Contacts);
        Console.WriteLine($"\nseeded {Contacts:N0} contacts in {seeding.Elapsed.TotalSeconds:0.0} s");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return _seeded = file;
    }

    private static async Task<Figures> MeasureAsync(AgendaProcess agenda)
    {
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        var table = new Table("Measure", "p50 ms", "p99 ms", "calls");
        var memory = new Table("After", "resident MiB", "peak MiB");
        void Phase(string name)
        {
            var now = ProcessMemory.Of(agenda.ProcessId);
            memory.Add(name, now.ResidentMiB, now.PeakMiB);
        }
        Phase("start");

        var term = 0;
        var rest = await TimeEachAsync(() => http.GetOkAsync($"api/contacts?pageSize=50&q={Uri.EscapeDataString(Terms[term++ % Terms.Length])}"));
        table.Add("search over REST (GET /api/contacts?q=…, 50 per page)", rest.P50, rest.P99, rest.Calls);
        Phase("REST searches");

        await using var contacts = await PyroProxy.ConnectAsync("127.0.0.1", agenda.DaemonPort, "agenda.contacts");
        var rmi = await TimeEachAsync(() => contacts.InvokeAsync("search", [Terms[term++ % Terms.Length], 50L]));
        table.Add("search over RMI (agenda.contacts.search(text, 50))", rmi.P50, rmi.P99, rmi.Calls);
        Phase("RMI searches");

        // Searching on must not grow the process: the same mix once more, both doors.
        await TimeEachAsync(() => http.GetOkAsync($"api/contacts?pageSize=50&q={Uri.EscapeDataString(Terms[term++ % Terms.Length])}"));
        await TimeEachAsync(() => contacts.InvokeAsync("search", [Terms[term++ % Terms.Length], 50L]));
        Phase("both searches again");

        await using var original = await PyroProxy.ConnectAsync("127.0.0.1", agenda.DaemonPort, "KLEIN_ROCHA");
        var buscar = await TimeEachAsync(() => original.InvokeAsync("buscar", [(long)Random.Shared.Next(Contacts)]));
        table.Add("buscar(random id)", buscar.P50, buscar.P99, buscar.Calls);
        Phase("buscar of random ids");

        // The whole agenda in one reply, as the original client's "list all" does: a second or more per call at this size.
        var all = await TimeEachAsync(async () =>
        {
            var listed = (System.Collections.ICollection)(await original.InvokeAsync("listar_todos"))!;
            if (listed.Count != Contacts) throw new InvalidOperationException($"listar_todos returned {listed.Count} contacts");
        }, seconds: 5, warmUps: 1);
        table.Add($"listar_todos() → {Contacts:N0} contacts in one reply", all.P50, all.P99, all.Calls);
        Phase("listar_todos");
        await TimeEachAsync(() => original.InvokeAsync("listar_todos"), seconds: 5, warmUps: 0);
        Phase("listar_todos again");

        return new Figures(table, memory, ProcessMemory.Of(agenda.ProcessId).PeakMiB, all.P50);
    }

    /// <summary>Calls one at a time for about three seconds after a short warm-up; returns latency percentiles.</summary>
    public static async Task<(double P50, double P99, int Calls)> TimeEachAsync(Func<Task> call, double seconds = 3, int warmUps = 20)
    {
        for (var i = 0; i < warmUps; i++) await call();
        var latencies = new List<long>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var before = Stopwatch.GetTimestamp();
            await call();
            latencies.Add(Stopwatch.GetTimestamp() - before);
        }
        var sorted = latencies.Order().ToArray();
        return (LoadRun.Milliseconds(LoadRun.Percentile(sorted, 0.5)), LoadRun.Milliseconds(LoadRun.Percentile(sorted, 0.99)), sorted.Length);
    }
}
