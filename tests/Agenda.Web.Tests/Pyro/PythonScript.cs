using System.Diagnostics;

namespace Agenda.Web.Tests.Pyro;

/// <summary>Runs a script with Debian's Python (which has python3-pyro4 and python3-serpent) and a time limit.</summary>
public static class PythonScript
{
    public const string Interpreter = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    public static async Task<Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment,
        IEnumerable<string>? args = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.PythonScripts };
        start.ArgumentList.Add(Path.Combine(RepoPaths.PythonScripts, script));
        foreach (var arg in args ?? []) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in time:\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
