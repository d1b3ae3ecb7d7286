namespace Agenda.Bench.Support;

/// <summary>
/// Another process's memory as Linux counts it (<c>/proc/PID/status</c>): resident now (VmRSS) and the peak resident
/// since it started (VmHWM, the "high water mark" the scale case reports).
/// </summary>
public readonly record struct ProcessMemory(double ResidentMiB, double PeakMiB)
{
    public static ProcessMemory Of(int processId)
    {
        double Field(string[] lines, string name) =>
            lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(l => double.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0]) / 1024) // kB
                .DefaultIfEmpty(double.NaN).First();
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return new(Field(status, "VmRSS"), Field(status, "VmHWM"));
    }
}
