using System.Diagnostics;
using System.Text;

namespace Agenda.Tests;

/// <summary>
/// Runs Debian's <c>/usr/bin/python3</c> — the interpreter that sees python3-pyro4 4.82 and python3-serpent 1.41 (the
/// pyenv python3 first on PATH does not) — with a time limit, killing it on timeout. Every script can import the
/// modules in tests/Shared/python (the original agenda's <c>objeto_agenda</c>).
/// </summary>
public static class DebianPython
{
    public const string Interpreter = "/usr/bin/python3";

    public static string SharedModules => Path.Combine(TestPaths.Root, "tests", "Shared", "python");

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, string input = "", TimeSpan? timeout = null)
    {
        var start = StartInfo(arguments, environment, workingDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python {string.Join(' ', start.ArgumentList)} did not finish in time:\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>How every Python process of the tests starts: all three streams redirected as UTF-8, no bytecode files.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // keep the source tree free of __pycache__
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONPATH"] = SharedModules;
        return start;
    }
}
