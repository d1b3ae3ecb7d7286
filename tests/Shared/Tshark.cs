using System.Diagnostics;

namespace Agenda.Tests;

/// <summary>tshark with tools/wireshark/pyro4.lua loaded, reading a capture file. Linked into every test project.</summary>
public static class Tshark
{
    public static string Dissector { get; } = Path.Combine(TestPaths.Root, "tools", "wireshark", "pyro4.lua");

    /// <summary>One row per frame matching <paramref name="filter"/>, one cell per field (several values in a cell are comma-separated).</summary>
    public static async Task<IReadOnlyList<string[]>> FieldsAsync(string capture, string filter, params string[] fields)
    {
        var start = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-X", "lua_script:" + Dissector, "-r", capture, "-Y", filter, "-T", "fields", "-E", "separator=/t" })
            start.ArgumentList.Add(argument);
        foreach (var field in fields) { start.ArgumentList.Add("-e"); start.ArgumentList.Add(field); }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("tshark did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("tshark did not finish"); }
        // A Lua error does not fail tshark; it shows up on stderr or in the output, so both are checked.
        var text = await output;
        var problems = await error;
        if (process.ExitCode != 0 || problems.Contains("Lua") || text.Contains("Lua Error"))
            throw new InvalidOperationException($"tshark exit {process.ExitCode}:\n{problems}\n{text}");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
    }
}
