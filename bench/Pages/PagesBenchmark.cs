using Agenda.Bench.Rmi;
using Agenda.Bench.Support;

namespace Agenda.Bench.Pages;

/// <summary>
/// What open contacts pages cost the writers: <c>inserir</c> with 16 RMI connections (as the writes case) against one
/// Agenda process with no page open, then with 20 pages open in headless Chromium, in the same process and run. Both
/// runs also write a favourite marker contact over REST every second, and with pages open each page notes when it shows
/// each marker: the lag from the write's acknowledgement to its row on the page. <c>AGENDA_BASELINE_DLL</c> adds the
/// same rows for another build (e.g. the one before the pages applied change events themselves).
/// </summary>
public static class PagesBenchmark
{
    public const int Connections = 16, OpenPageCount = 20, Rounds = 3;

    // After the load stops, how long the pages may take to show the last markers.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task RunAsync()
    {
        var table = new Table("Agenda", "Open pages", "Inserts/s", "p50 ms", "p99 ms", "markers shown", "lag p50 ms", "lag p99 ms",
            "updates/s per page", "Agenda cores", "browser cores");
        var ratios = new List<(string Build, double Ratio)>();
        if (Environment.GetEnvironmentVariable("AGENDA_BASELINE_DLL") is { Length: > 0 } baseline)
            ratios.Add(("before (AGENDA_BASELINE_DLL)", await MeasureAsync("before", baseline, table)));
        ratios.Add(("this build", await MeasureAsync("this build", null, table)));

        table.Print($"Writes with open contacts pages: inserir, {Connections} RMI connections, over {RmiBenchmark.Contacts:N0} contacts");
        Console.WriteLine();
        foreach (var (build, ratio) in ratios)
            Console.WriteLine($"writes with {OpenPageCount} open pages / none: {ratio:P0} (goal ≥ 80%) — {build}");
    }

    /// <returns>Inserts per second with the pages open over those with none, summed over the rounds.</returns>
    /// <remarks>
    /// The runs alternate, none then open, <see cref="Rounds"/> times, in one process: other work on the machine comes
    /// and goes, and the database grows with every run, so each condition gets early and late turns. Between rounds
    /// the pages leave for about:blank, which closes their circuits (Blazor's script says so as the page unloads).
    /// </remarks>
    private static async Task<double> MeasureAsync(string build, string? dll, Table table)
    {
        await using var agenda = await AgendaProcess.StartAsync(dll: dll);
        await RmiBenchmark.SeedAsync(agenda.DaemonPort);
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        await using var pages = await OpenPages.OpenAsync(agenda.BaseAddress, OpenPageCount);
        var idle = CpuUse.Start(agenda.ProcessId);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (idleAgenda, idleBrowser, _) = idle.Stop();
        Console.WriteLine($"{build}: {OpenPageCount} pages open, no writes: Agenda {idleAgenda:0.00} cores, browser {idleBrowser:0.00} cores");

        // One round with the pages open first, not measured: the first pass through the pages' code runs while the JIT
        // compiles it (a profile of that round found a quarter of Agenda's CPU in the JIT), which no later round pays.
        await InsertWithMarkersAsync(agenda, http, pages);

        var (noneSum, openSum) = (0.0, 0.0);
        for (var round = 1; round <= Rounds; round++)
        {
            Console.WriteLine($"{build}, round {round}: load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
            await pages.LeaveAsync();
            var none = await InsertWithMarkersAsync(agenda, http, pages: null);
            table.Add(build, 0, none.Writes.CallsPerSecond, none.Writes.P50Ms, none.Writes.P99Ms, "-", "-", "-", "-", none.AgendaCores, none.BrowserCores);
            await pages.ReturnAsync();
            var open = await InsertWithMarkersAsync(agenda, http, pages);
            table.Add(build, OpenPageCount, open.Writes.CallsPerSecond, open.Writes.P50Ms, open.Writes.P99Ms,
                open.Lag!.SeenText, open.Lag.P50Ms, open.Lag.P99Ms, open.UpdatesPerPage, open.AgendaCores, open.BrowserCores);
            (noneSum, openSum) = (noneSum + none.Writes.CallsPerSecond, openSum + open.Writes.CallsPerSecond);
        }
        return openSum / noneSum;
    }

    private sealed record Run(CaseFigures Writes, Lag? Lag, double UpdatesPerPage, double AgendaCores, double BrowserCores);

    private static async Task<Run> InsertWithMarkersAsync(AgendaProcess agenda, HttpClient http, OpenPages? pages)
    {
        var markers = new Markers(http);
        using var stop = new CancellationTokenSource();
        var writing = markers.WriteUntilAsync(stop.Token);
        var updatesBefore = pages is null ? 0 : await pages.UpdatesAsync();
        var cpu = CpuUse.Start(agenda.ProcessId);
        var writes = await RmiBenchmark.InserirAsync("Agenda", agenda.DaemonPort, 16);
        var (agendaCores, browserCores, seconds) = cpu.Stop();
        var updatesPerPage = pages is null ? 0 : (await pages.UpdatesAsync() - updatesBefore) / seconds / pages.Pages.Count;
        await stop.CancelAsync();
        await writing;
        var lag = pages is null ? null : await markers.LagAsync(pages, Patience);
        await markers.DeleteAllAsync(); // the next run's markers must fit on the first page too
        return new Run(writes, lag, updatesPerPage, agendaCores, browserCores);
    }
}
