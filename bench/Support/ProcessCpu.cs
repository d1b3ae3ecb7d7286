namespace Agenda.Bench.Support;

/// <summary>
/// CPU time (user + system) a process and all its descendants have used, from /proc: where a run's cycles went when
/// the server, the browser and the load generator share the machine's cores.
/// </summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    /// <summary>Seconds of CPU used so far by <paramref name="pid"/> and its descendants, leaving out <paramref name="except"/> and theirs.</summary>
    public static double Seconds(int pid, params int[] except)
    {
        var stats = ReadAll();
        var children = stats.Values.ToLookup(s => s.ParentId);
        var total = 0L;
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out var next))
        {
            if (except.Contains(next) || !stats.TryGetValue(next, out var stat)) continue;
            total += stat.Ticks;
            foreach (var child in children[next]) pending.Push(child.Id);
        }
        return total / TicksPerSecond;
    }

    private readonly record struct Stat(int Id, int ParentId, long Ticks);

    private static Dictionary<int, Stat> ReadAll()
    {
        var stats = new Dictionary<int, Stat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id)) continue;
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ... utime(14) stime(15)"; comm may hold spaces, so split after ')'.
                var text = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                stats[id] = new Stat(id, int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]));
            }
            catch (IOException) { } // the process ended meanwhile
        }
        return stats;
    }
}

/// <summary>
/// Cores kept busy, on average, over a stretch of wall time: by the Agenda process, and by this benchmark's other
/// children (Playwright's driver and Chromium), leaving out this process itself (the load generator).
/// </summary>
public sealed class CpuUse
{
    private readonly int _agenda;
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();
    private readonly double _agendaStart, _othersStart;

    private CpuUse(int agenda) => (_agenda, _agendaStart, _othersStart) = (agenda, ProcessCpu.Seconds(agenda), Others(agenda));

    public static CpuUse Start(int agendaProcessId) => new(agendaProcessId);

    /// <returns>Cores busy on average, and the seconds measured.</returns>
    public (double Agenda, double Browser, double Seconds) Stop()
    {
        var seconds = _wall.Elapsed.TotalSeconds;
        return ((ProcessCpu.Seconds(_agenda) - _agendaStart) / seconds, (Others(_agenda) - _othersStart) / seconds, seconds);
    }

    private static double Others(int agenda) =>
        ProcessCpu.Seconds(Environment.ProcessId, agenda) - System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
