using Agenda.Bench.Support;
using Agenda.Core.Storage.Providers;

namespace Agenda.Bench.Rmi;

/// <summary>
/// <c>inserir</c> at 1, 16 and 64 connections against Agenda with SQLite's default durability, Agenda with
/// <c>Storage:Synchronous=Full</c> (a second process, seeded alike) and the Python dict, in the same run. Every
/// Agenda insert is answered after the batch holding it committed (group commit); the Python dict keeps nothing.
/// </summary>
public static class WritesBenchmark
{
    private static readonly int[] Connections = [1, 16, 64];

    public static async Task RunAsync(AgendaProcess agenda, PythonAgendaServer python)
    {
        await using var full = await AgendaProcess.StartAsync(settings: new Dictionary<string, string> { ["Storage__Synchronous"] = "Full" });
        await RmiBenchmark.SeedAsync(full.DaemonPort);
        var servers = new (string Name, int Port)[]
        {
            ($"Agenda (SQLite, Synchronous={SqliteSynchronousSetting.Default}, the default)", agenda.DaemonPort),
            ("Agenda (SQLite, Synchronous=Full)", full.DaemonPort),
            ("Python Pyro4 (dict in memory)", python.Port),
        };

        var table = new Table("Server", "Connections", "Inserts/s", "p50 ms", "p99 ms");
        var figures = new Dictionary<(string, int), CaseFigures>();
        foreach (var connections in Connections)
        foreach (var (name, port) in servers)
        {
            var f = figures[(name, connections)] = await RmiBenchmark.InserirAsync(name, port, connections);
            table.Add(f.Case, f.Connections, f.CallsPerSecond, f.P50Ms, f.P99Ms);
        }
        table.Print("RMI writes: inserir");

        double Rate(int server, int connections) => figures[(servers[server].Name, connections)].CallsPerSecond;
        Console.WriteLine($"\nAgenda / Python inserts: {Rate(0, 16) / Rate(2, 16):0.0}× (16 connections; target ≥ 1.5×)");
        Console.WriteLine($"Agenda / Python inserts, 1 connection:   {Rate(0, 1) / Rate(2, 1):0.00}×");
        Console.WriteLine($"Agenda / Python inserts, 64 connections: {Rate(0, 64) / Rate(2, 64):0.00}×");
        foreach (var connections in Connections)
            Console.WriteLine($"Synchronous=Full / default inserts, {connections} connections: {Rate(1, connections) / Rate(0, connections):0.00}×");
    }
}
