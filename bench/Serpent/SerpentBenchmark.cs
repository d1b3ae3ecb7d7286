using System.Diagnostics;
using System.Globalization;
using Agenda.Rmi.Serpent;

namespace Agenda.Bench.Serpent;

/// <summary>
/// Serializes and parses 10,000 contact dicts with the C# codec and, in the same run, with Python serpent 1.41;
/// prints the medians and the C#-vs-Python ratios (target: at least 10× in each direction).
/// </summary>
internal static class SerpentBenchmark
{
    private const double SecondsPerMeasure = 3.0;

    public static int Run()
    {
        var contacts = Enumerable.Range(0, 10_000).Select(i => (object?)new Dictionary<object, object?>
        {
            ["id"] = (long)i, ["FirstName"] = $"Nombre{i}", ["SecondName"] = $"Apellido {i}",
            ["PhoneNumber"] = $"+34 600 {i:D6}", ["Email"] = $"persona{i}@example.com",
        }).ToList();
        var bytes = SerpentWriter.Write(contacts);
        if (SerpentParser.Parse(bytes) is not List<object?> { Count: 10_000 }) throw new InvalidOperationException("round trip failed");

        double write = MedianMs(() => SerpentWriter.Write(contacts));
        double parse = MedianMs(() => SerpentParser.Parse(bytes));
        var (pyDumps, pyLoads, pyBytes) = RunPython();

        Console.WriteLine($"serpent: 10,000 contact dicts, C# {bytes.Length:N0} bytes, Python {pyBytes:N0} bytes (medians)");
        Console.WriteLine($"  C# write      {write,9:F3} ms    Python dumps {pyDumps,9:F3} ms    ratio {pyDumps / write,6:F1}x");
        Console.WriteLine($"  C# parse      {parse,9:F3} ms    Python loads {pyLoads,9:F3} ms    ratio {pyLoads / parse,6:F1}x");
        return 0;
    }

    // Warm-up first (JIT, tiered compilation), then as many runs as fit in the measuring window.
    private static double MedianMs(Action action)
    {
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1;) action();
        var times = new List<double>();
        for (var total = Stopwatch.StartNew(); total.Elapsed.TotalSeconds < SecondsPerMeasure || times.Count < 5;)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static (double Dumps, double Loads, int Bytes) RunPython()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "serpent_bench.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(SecondsPerMeasure.ToString(CultureInfo.InvariantCulture));
        using var python = Process.Start(start)!;
        var stderr = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        python.WaitForExit();
        if (python.ExitCode != 0 || output.Length != 3) throw new InvalidOperationException("serpent_bench.py failed: " + stderr.Result);
        return (double.Parse(output[0], CultureInfo.InvariantCulture), double.Parse(output[1], CultureInfo.InvariantCulture), int.Parse(output[2], CultureInfo.InvariantCulture));
    }
}
