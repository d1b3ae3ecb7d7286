using Agenda.Bench.Support;
using Agenda.Rmi.Client;

namespace Agenda.Bench.Rmi;

/// <summary>
/// The same C# load generator (Agenda.Rmi's <see cref="PyroProxy"/>, one connection per worker) calls <c>buscar</c>
/// with random existing ids against Agenda's daemon, the Python Pyro4 daemon with the original agenda's design, and
/// the raw TCP ping-pong floor; the writes case is <see cref="WritesBenchmark"/>.
/// </summary>
public static class RmiBenchmark
{
    internal const string ObjectId = "KLEIN_ROCHA";
    internal const int Contacts = 1_000;

    public static async Task RunAsync(bool reads, bool writes)
    {
        await using var agenda = await AgendaProcess.StartAsync();
        await using var python = await PythonAgendaServer.StartAsync();
        await SeedAsync(agenda.DaemonPort);
        await SeedAsync(python.Port);

        if (reads)
        {
            var (connectReply, buscarReply) = await RecordAgendaRepliesAsync(agenda.DaemonPort);
            await using var raw = new RawPingPongServer(connectReply, buscarReply);
            var table = new Table("Server", "Connections", "Calls/s", "p50 ms", "p99 ms");
            var figures = new Dictionary<(string, int), CaseFigures>();
            foreach (var connections in new[] { 1, 16 })
            foreach (var (server, port) in new[] { ("Agenda", agenda.DaemonPort), ("Python Pyro4", python.Port), ("raw TCP ping-pong", raw.Port) })
            {
                var f = figures[(server, connections)] = await BuscarAsync(server, port, connections);
                table.Add(server, connections, f.CallsPerSecond, f.P50Ms, f.P99Ms);
            }
            // Diagnostic: the same daemon answering Pyro.Daemon.ping() (no store, no contact to serialize) isolates the
            // cost of Kestrel + framing from the agenda object's own work.
            foreach (var connections in new[] { 1, 16 })
            {
                var ping = await WithProxiesAsync("Agenda, Pyro.Daemon.ping()", agenda.DaemonPort, connections, "Pyro.Daemon", proxy => () => proxy.InvokeAsync("ping"));
                table.Add(ping.Case, ping.Connections, ping.CallsPerSecond, ping.P50Ms, ping.P99Ms);
            }
            table.Print($"RMI round trips: buscar(random id) over {Contacts:N0} contacts ({buscarReply.Length} B reply)");
            Console.WriteLine();
            Console.WriteLine($"Agenda / Python throughput, 16 connections: {Ratio(figures, 16, f => f.CallsPerSecond, "Agenda", "Python Pyro4")} (target ≥ 10×)");
            Console.WriteLine($"Agenda / Python throughput, 1 connection:   {Ratio(figures, 1, f => f.CallsPerSecond, "Agenda", "Python Pyro4")}");
            Console.WriteLine($"Agenda / raw p50 latency, 1 connection:     {Ratio(figures, 1, f => f.P50Ms, "Agenda", "raw TCP ping-pong")} (target ≤ 1.5×)");
            Console.WriteLine($"Agenda / raw TCP throughput, 16 connections: {Percent(figures[("Agenda", 16)], figures[("raw TCP ping-pong", 16)])} (target ≥ 85%)");
        }

        if (writes) await WritesBenchmark.RunAsync(agenda, python);
    }

    private static string Ratio(Dictionary<(string, int), CaseFigures> f, int connections, Func<CaseFigures, double> measure, string a, string b) =>
        $"{measure(f[(a, connections)]) / measure(f[(b, connections)]):0.00}×";

    internal static string Percent(CaseFigures agenda, CaseFigures raw) => $"{agenda.CallsPerSecond / raw.CallsPerSecond * 100:0}%";

    internal static Task<CaseFigures> BuscarAsync(string server, int port, int connections) =>
        WithProxiesAsync(server, port, connections, ObjectId, proxy => () => proxy.InvokeAsync("buscar", [(long)Random.Shared.Next(Contacts)]));

    internal static Task<CaseFigures> InserirAsync(string server, int port, int connections) =>
        WithProxiesAsync(server, port, connections, ObjectId, proxy => () => proxy.InvokeAsync("inserir", [Contact(Random.Shared.Next())]));

    private static async Task<CaseFigures> WithProxiesAsync(string server, int port, int connections, string objectId,
        Func<PyroProxy, Func<Task>> call)
    {
        var proxies = new List<PyroProxy>();
        try
        {
            return await LoadRun.RunAsync(server, connections, async _ =>
            {
                var proxy = await PyroProxy.ConnectAsync("127.0.0.1", port, objectId);
                lock (proxies) proxies.Add(proxy);
                return call(proxy);
            });
        }
        finally
        {
            foreach (var proxy in proxies) await proxy.DisposeAsync();
        }
    }

    internal static async Task SeedAsync(int port)
    {
        await using var proxy = await PyroProxy.ConnectAsync("127.0.0.1", port, ObjectId);
        for (var i = 0; i < Contacts; i++) await proxy.InvokeAsync("inserir", [Contact(i)]);
    }

    /// <summary>A contact as the original clients send it: the class dict with id None.</summary>
    internal static Dictionary<object, object?> Contact(int i) => new()
    {
        ["__class__"] = "objeto_agenda.Objeto",
        ["id"] = null,
        ["FirstName"] = $"Nome{i}",
        ["SecondName"] = $"Sobrenome{i % 97}",
        ["PhoneNumber"] = $"69 9{84000000 + i % 1000000:D8}",
        ["Email"] = $"nome{i}@example.com",
    };

    internal static async Task<(byte[] ConnectReply, byte[] BuscarReply)> RecordAgendaRepliesAsync(int daemonPort)
    {
        using var recorder = new ReplyRecorder(daemonPort);
        var relay = recorder.RelayAsync(out var connected);
        await using (var proxy = await PyroProxy.ConnectAsync("127.0.0.1", recorder.Port, ObjectId))
            await proxy.InvokeAsync("buscar", [(long)(Contacts / 2)]);
        connected.SetResult();
        await relay;
        var messages = recorder.Messages();
        return messages.Count == 2 ? (messages[0], messages[1])
            : throw new InvalidOperationException($"expected a handshake reply and a buscar reply, recorded {messages.Count} messages");
    }
}
