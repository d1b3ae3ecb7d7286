using Agenda.Bench.Rmi;
using Agenda.Bench.Support;

namespace Agenda.Bench.Instances;

/// <summary>
/// Agenda on PostgreSQL, one instance and two, against one on SQLite, all in the same run: reads through both doors,
/// durable writes, and how fast a write on one instance reaches a change-stream reader of the other. The cluster is
/// the tests' throwaway one with fsync on (<see cref="ThrowawayPostgres"/>); each setup gets a fresh database and
/// fresh processes, seeded with the same 1,000 contacts, and runs alone.
/// </summary>
public static class InstancesBenchmark
{
    private const int PropagationWrites = 1_000;

    public static async Task RunAsync()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var reads = new Table("Door", "Storage", "Instances", "Calls/s", "p50 ms", "p99 ms");
        var writes = new Table("Storage", "Instances", "Inserts/s", "p50 ms", "p99 ms");
        var figures = new Dictionary<(string Measure, string Setup), CaseFigures>();

        async Task MeasureAsync(string storage, IReadOnlyList<AgendaProcess> instances)
        {
            var setup = $"{storage} ×{instances.Count}";
            await RmiBenchmark.SeedAsync(instances[0].DaemonPort);
            var rmi = figures[("rmi", setup)] = await SpreadLoad.BuscarAsync("RMI buscar", instances);
            var rest = figures[("rest", setup)] = await SpreadLoad.GetByIdAsync("REST GET /api/contacts/{id}", instances);
            var inserts = figures[("inserir", setup)] = await SpreadLoad.InserirAsync("RMI inserir", instances);
            foreach (var f in new[] { rmi, rest }) reads.Add(f.Case, storage, instances.Count, f.CallsPerSecond, f.P50Ms, f.P99Ms);
            writes.Add(storage, instances.Count, inserts.CallsPerSecond, inserts.P50Ms, inserts.P99Ms);
        }

        await using (var sqlite = await AgendaProcess.StartAsync()) await MeasureAsync("SQLite", [sqlite]);
        await using (var one = await AgendaInstances.StartAsync(count: 1)) await MeasureAsync("PostgreSQL", one.All);
        PropagationRun.Figures propagation;
        await using (var two = await AgendaInstances.StartAsync(count: 2))
        {
            await MeasureAsync("PostgreSQL", two.All);
            propagation = await PropagationRun.MeasureAsync(two.A, two.B, PropagationWrites);
        }

        Console.WriteLine($"\nPostgreSQL {await ServerAsync("server_version")} (fsync {await ServerAsync("fsync")}, synchronous_commit " +
                          $"{await ServerAsync("synchronous_commit")}) on this machine; SQLite with Agenda's defaults (WAL, Storage:Synchronous " +
                          "Normal: safe from a crash of the process, not from a power cut). " +
                          $"{SpreadLoad.Connections} connections, dealt round-robin over the instances.");
        reads.Print($"Reads by id over {RmiBenchmark.Contacts:N0} contacts, {SpreadLoad.Connections} connections");
        Console.WriteLine();
        foreach (var door in new[] { "rmi", "rest" })
            Console.WriteLine($"{door.ToUpperInvariant(),-4}: two / one instance on PostgreSQL {Ratio(figures, door, "PostgreSQL ×2", "PostgreSQL ×1")}, " +
                              $"PostgreSQL / SQLite with one {Ratio(figures, door, "PostgreSQL ×1", "SQLite ×1")}");
        writes.Print($"Writes: inserir, {SpreadLoad.Connections} connections, each acknowledged insert committed");
        Console.WriteLine($"\nPostgreSQL / SQLite inserts, one instance: {Ratio(figures, "inserir", "PostgreSQL ×1", "SQLite ×1")}; " +
                          $"two / one instance on PostgreSQL: {Ratio(figures, "inserir", "PostgreSQL ×2", "PostgreSQL ×1")}");
        PrintPropagation(propagation);
    }

    private static void PrintPropagation(PropagationRun.Figures f)
    {
        var table = new Table("Measure", "p50 ms", "p99 ms");
        table.Add("POST /api/contacts on A: sent → acknowledged", P(f.Acknowledged, 0.50), P(f.Acknowledged, 0.99));
        table.Add("acknowledged on A → event on A's own stream", P(f.OnAAfterAck, 0.50), P(f.OnAAfterAck, 0.99));
        table.Add("acknowledged on A → event on B's stream", P(f.OnBAfterAck, 0.50), P(f.OnBAfterAck, 0.99));
        table.Add("sent to A → event on B's stream", P(f.OnBAfterSend, 0.50), P(f.OnBAfterSend, 0.99));
        table.Print($"Propagation: {f.Acknowledged.Length:N0} REST creates on A, one at a time, each awaited on both change streams");
        Console.WriteLine($"\n(negative: the event was read before the acknowledgement; {f.OnBAfterAck.Count(ms => ms < 0)} of " +
                          $"{f.OnBAfterAck.Length:N0} on B, {f.OnAAfterAck.Count(ms => ms < 0)} on A)");
    }

    private static double P(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }

    private static string Ratio(Dictionary<(string, string), CaseFigures> f, string measure, string a, string b) =>
        $"{f[(measure, a)].CallsPerSecond / f[(measure, b)].CallsPerSecond:0.00}×";

    private static async Task<string> ServerAsync(string setting)
    {
        await using var database = await PostgresServer.CreateEmptyAsync();
        return (await database.QueryAsync($"SHOW {setting}")).Single();
    }
}
