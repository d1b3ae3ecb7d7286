using Agenda.Rmi.Serpent;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>
/// Random nested values survive C# → Python → C# and Python → C# → Python unchanged (strict equality).
/// The seed is fixed so failures reproduce; set SERPENT_SEED to try another one.
/// </summary>
public class SerpentPropertyRoundTripTests
{
    private const int Count = 1000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SERPENT_SEED"), out var s) ? s : 20261101;

    [Fact]
    public void CSharpValuesSurvivePythonAndBack()
    {
        var generator = new RandomPyValues(Seed);
        var values = Enumerable.Range(0, Count).Select(_ => generator.Value()).ToList();
        var echoed = PythonSerpent.Run("roundtrip.py", values.Select((v, i) => (i.ToString(), SerpentWriter.Write(v))), "echo");
        Assert.Equal(Count, echoed.Count);
        foreach (var (name, serpent) in echoed)
        {
            int i = int.Parse(name);
            Strict.AssertSame(values[i], SerpentParser.Parse(serpent), $"seed {Seed}, value {i}: ");
        }
    }

    [Fact]
    public void PythonValuesSurviveCSharpAndBack()
    {
        var generated = PythonSerpent.Run("roundtrip.py", [], "gen", Seed.ToString(), Count.ToString());
        Assert.Equal(Count, generated.Count);
        var rewritten = generated.Select(g => (g.Name, SerpentWriter.Write(SerpentParser.Parse(g.Serpent))));
        var stdin = string.Concat(rewritten.Select(r => r.Name + "\t" + Convert.ToBase64String(r.Item2) + "\n"));
        var report = PythonSerpent.RunRaw("roundtrip.py", stdin, "check", Seed.ToString(), Count.ToString());
        Assert.True(report.Trim() == $"checked {Count}", $"seed {Seed}:\n{report}");
    }
}
