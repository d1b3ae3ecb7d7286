using Agenda.Bench.Gc;
using Agenda.Bench.Instances;
using Agenda.Bench.Pages;
using Agenda.Bench.Rest;
using Agenda.Bench.Rmi;
using Agenda.Bench.Scale;
using Agenda.Bench.Serpent;
using Agenda.Bench.Transfer;
using Agenda.Bench.Wire;

// dotnet run -c Release --project bench [-- rmi|writes|rest|scale|serpent|wire|transfer|instances|pages|mixed|gc|callpath ...]   (none: all but gc, callpath)
// Every case runs on loopback against processes it starts itself and stops by PID.
string[] all = ["rmi", "writes", "rest", "serpent", "scale", "wire", "transfer", "instances", "pages", "mixed"];
// gc runs the scale and rmi cases once per GC setting (minutes); callpath is a diagnostic of one call: only when asked.
string[] known = [.. all, "gc", "callpath"];
var cases = args.Length == 0 ? all : args;
Console.WriteLine($"Agenda benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

foreach (var name in cases)
{
    switch (name)
    {
        case "rmi": await RmiBenchmark.RunAsync(reads: true, writes: false); break;
        case "writes": await RmiBenchmark.RunAsync(reads: false, writes: true); break;
        case "rest": await RestBenchmark.RunAsync(); break;
        case "scale": await ScaleBenchmark.RunAsync(); break;
        case "serpent": SerpentBenchmark.Run(); break;
        case "wire": await WireBenchmark.RunAsync(); break;
        case "transfer": await TransferBenchmark.RunAsync(); break;
        case "instances": await InstancesBenchmark.RunAsync(); break; // starts its own PostgreSQL cluster
        case "gc": await GcBenchmark.RunAsync(); break;
        case "callpath": await CallPathBenchmark.RunAsync(); break;
        case "pages": await PagesBenchmark.RunAsync(); break;
        case "mixed": await MixedBenchmark.RunAsync(); break;
        default:
            Console.Error.WriteLine($"unknown case '{name}'; cases: {string.Join(", ", known)}");
            return 2;
    }
}
return 0;
