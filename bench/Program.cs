// Benchmarks that print figures: `dotnet run -c Release --project bench -- <name>`.
using Agenda.Bench.Serpent;

return args.FirstOrDefault() switch
{
    "serpent" => SerpentBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- serpent");
    return 2;
}
