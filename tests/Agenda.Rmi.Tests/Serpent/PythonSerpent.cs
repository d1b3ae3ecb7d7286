using System.Text;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>
/// Runs the helper scripts in python/ with Debian's /usr/bin/python3 (the one that sees python3-serpent 1.41).
/// Values travel as lines of "name TAB base64(serpent bytes)", so one process handles a whole batch.
/// </summary>
internal static class PythonSerpent
{
    public static string ScriptDirectory { get; } = Path.Combine(TestPaths.Root, "tests", "Agenda.Rmi.Tests", "Serpent", "python");

    public static IReadOnlyList<(string Name, byte[] Serpent)> Run(string script, IEnumerable<(string Name, byte[] Serpent)> input, params string[] args)
    {
        var stdin = new StringBuilder();
        foreach (var (name, serpent) in input) stdin.Append(name).Append('\t').Append(Convert.ToBase64String(serpent)).Append('\n');
        var output = RunRaw(script, stdin.ToString(), args);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts.Length > 1 ? Convert.FromBase64String(parts[1]) : []))
            .ToList();
    }

    public static string RunRaw(string script, string stdin, params string[] args)
    {
        // The property and corpus tests are synchronous; one blocking wait per batch is fine here.
        var result = DebianPython.RunAsync([Path.Combine(ScriptDirectory, script), .. args], input: stdin).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, $"{script} exited with {result.ExitCode}: {result.Error}");
        return result.Output;
    }
}
