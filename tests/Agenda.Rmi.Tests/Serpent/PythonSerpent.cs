using System.Diagnostics;
using System.Text;

namespace Agenda.Rmi.Tests.Serpent;

/// <summary>
/// Runs the helper scripts in python/ with Debian's /usr/bin/python3 (the one that sees python3-serpent 1.41).
/// Values travel as lines of "name TAB base64(serpent bytes)", so one process handles a whole batch.
/// </summary>
internal static class PythonSerpent
{
    public static string ScriptDirectory { get; } = FindScripts();

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
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(ScriptDirectory, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000)) { process.Kill(); Assert.Fail($"{script} did not finish within 60 s"); }
        Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string FindScripts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agenda.sln")))
                return Path.Combine(dir.FullName, "tests", "Agenda.Rmi.Tests", "Serpent", "python");
        throw new InvalidOperationException("Agenda.sln not found above " + AppContext.BaseDirectory);
    }
}
