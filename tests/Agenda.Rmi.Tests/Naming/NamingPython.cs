using System.Diagnostics;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>Runs Debian's Python (the one with python3-pyro4 4.82) on a script in Naming/python or a module, with a time limit.</summary>
public static class NamingPython
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    public static string ScriptDirectory { get; } = FindScripts();

    public static Task<Result> Script(string script, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run([Path.Combine(ScriptDirectory, script), .. args], environment);

    /// <summary><c>python3 -m Pyro4.nsc ARGS</c>, with <paramref name="input"/> on stdin (removematching asks y/n).</summary>
    public static Task<Result> Nsc(IReadOnlyDictionary<string, string> environment, string input, params string[] args) =>
        Run(["-m", "Pyro4.nsc", .. args], environment, input);

    public static async Task<Result> Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string input = "", TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            WorkingDirectory = ScriptDirectory,
        };
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python {string.Join(' ', arguments)} did not finish in time:\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    private static string FindScripts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agenda.sln")))
                return Path.Combine(dir.FullName, "tests", "Agenda.Rmi.Tests", "Naming", "python");
        throw new DirectoryNotFoundException("Agenda.sln not found above " + AppContext.BaseDirectory);
    }
}
