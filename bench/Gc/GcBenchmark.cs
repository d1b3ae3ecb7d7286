using Agenda.Bench.Rmi;
using Agenda.Bench.Scale;
using Agenda.Bench.Support;
using Agenda.Tests;

namespace Agenda.Bench.Gc;

/// <summary>
/// The runtime's GC settings side by side, each on a fresh Agenda process: the scale case's peak memory and
/// listar_todos time, and buscar throughput at 16 connections with that process's peak, beside the raw TCP floor
/// measured in the same run. The settings go in as environment variables, which take precedence over the
/// runtimeconfig.json the build writes, so every row states all of them.
/// </summary>
public static class GcBenchmark
{
    private static readonly (string Name, Dictionary<string, string> Environment)[] Settings =
    [
        ("server, DATAS (ASP.NET Core's default)", Gc(server: true, concurrent: true)),
        ("server, DATAS off", Gc(server: true, concurrent: true, ("DOTNET_GCDynamicAdaptationMode", "0"))),
        ("server, GCConserveMemory=5", Gc(server: true, concurrent: true, ("DOTNET_GCConserveMemory", "5"))),
        ("workstation, concurrent", Gc(server: false, concurrent: true)),
        ("workstation, non-concurrent", Gc(server: false, concurrent: false)),
        ("workstation, concurrent, GCConserveMemory=5", Gc(server: false, concurrent: true, ("DOTNET_GCConserveMemory", "5"))),
    ];

    private static Dictionary<string, string> Gc(bool server, bool concurrent, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = server ? "1" : "0",
            ["DOTNET_gcConcurrent"] = concurrent ? "1" : "0",
            ["DOTNET_GCConserveMemory"] = "0",
            ["DOTNET_GCDynamicAdaptationMode"] = "1",
        };
        foreach (var (key, value) in more) environment[key] = value;
        return environment;
    }

    public static async Task RunAsync()
    {
        var table = new Table("GC settings", "scale peak MiB", "listar_todos p50 ms", "buscar/s, 16 conn.", "raw TCP/s", "of raw", "reads peak MiB");
        foreach (var (name, environment) in Settings)
        {
            var scale = await ScaleBenchmark.MeasureAsync(environment);
            var (agenda, raw, peak) = await ReadsAsync(environment);
            table.Add(name, scale.PeakMiB, scale.ListarTodosP50Ms, agenda.CallsPerSecond, raw.CallsPerSecond, RmiBenchmark.Percent(agenda, raw), peak);
        }
        table.Print("GC settings: the scale case and buscar at 16 connections, one fresh process per row");
    }

    private static async Task<(CaseFigures Agenda, CaseFigures Raw, double PeakMiB)> ReadsAsync(Dictionary<string, string> environment)
    {
        await using var agenda = await AgendaProcess.StartAsync(settings: environment);
        await RmiBenchmark.SeedAsync(agenda.DaemonPort);
        var (connectReply, buscarReply) = await RmiBenchmark.RecordAgendaRepliesAsync(agenda.DaemonPort);
        await using var raw = new RawPingPongServer(connectReply, buscarReply);
        var agendaFigures = await RmiBenchmark.BuscarAsync("Agenda", agenda.DaemonPort, 16);
        var rawFigures = await RmiBenchmark.BuscarAsync("raw TCP ping-pong", raw.Port, 16);
        return (agendaFigures, rawFigures, ProcessMemory.Of(agenda.ProcessId).PeakMiB);
    }
}
