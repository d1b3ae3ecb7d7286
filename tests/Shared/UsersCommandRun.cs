using System.Diagnostics;

namespace Agenda.Tests;

/// <summary>
/// One run of <c>Agenda.Web.dll users ...</c> against the database in <paramref name="DataDirectory"/>, as an operator
/// types it: the password on standard input (or in <c>AGENDA_PASSWORD</c>), never in the arguments.
/// </summary>
public sealed record UsersCommandRun(int ExitCode, string Output, string Errors)
{
    public static async Task<UsersCommandRun> RunAsync(string dataDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.AgendaWebProject,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(TestPaths.AgendaWebDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Agenda"] = $"Data Source={Path.Combine(dataDirectory, "agenda.db")}";
        start.Environment.Remove("AGENDA_PASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(patience.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"users {string.Join(' ', args)} did not exit in 60 s");
        }
        return new(process.ExitCode, await output, await errors);
    }

    /// <summary>Adds a user with the password on standard input, and fails the test if that did not work.</summary>
    public static async Task AddAsync(string dataDirectory, string name, string role, string password)
    {
        var run = await RunAsync(dataDirectory, password, null, "users", "add", name, "--role", role);
        if (run.ExitCode != 0) throw new InvalidOperationException($"users add {name} exited with {run.ExitCode}: {run.Errors}");
    }
}
