using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Agenda.Rmi.Tests.Capture.Pcapng;

/// <summary>One frame as Debian's tshark decodes it.</summary>
internal sealed record TsharkFrame(
    string Time, string Source, int SourcePort, string Destination, int DestinationPort, string Flags,
    uint Sequence, uint Acknowledgment, int Length, int CapturedLength, int FrameLength, string TcpChecksum, string Comment);

/// <summary>Runs Debian's tshark (and capinfos) on an exported file; both exit by themselves.</summary>
internal static class Tshark
{
    private static readonly string[] Fields =
    [
        "frame.time_epoch", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst", "ipv6.dst", "tcp.dstport", "tcp.flags.str",
        "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "frame.cap_len", "frame.len", "tcp.checksum.status", "frame.comment",
    ];

    public static async Task<IReadOnlyList<TsharkFrame>> FramesAsync(string file, string? filter = null)
    {
        List<string> arguments = ["-r", file, "-o", "tcp.check_checksum:TRUE", "-T", "fields", "-E", "occurrence=f"];
        foreach (var field in Fields) arguments.AddRange(["-e", field]);
        if (filter is not null) arguments.AddRange(["-Y", filter]);
        var output = await RunAsync("/usr/bin/tshark", arguments);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Frame)];
    }

    /// <summary>Frames that tshark's TCP analysis finds something wrong with (bad sequence or acknowledgement numbers, ...).</summary>
    public static Task<string> AnalysisProblemsAsync(string file) =>
        RunAsync("/usr/bin/tshark", ["-r", file, "-Y", "tcp.analysis.flags", "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"]);

    /// <summary>The bytes each way of one TCP stream as "Follow TCP Stream" reassembles them, in hex.</summary>
    public static async Task<(string FromClient, string ToClient)> FollowAsync(string file, int stream)
    {
        var output = await RunAsync("/usr/bin/tshark", ["-r", file, "-q", "-z", $"follow,tcp,raw,{stream}"]);
        StringBuilder client = new(), server = new();
        // Raw follow output: lines of hex, the second node's (the server's, which answered the SYN) indented by a tab.
        foreach (var line in output.Split('\n').SkipWhile(l => !l.StartsWith("Node 1:")).Skip(1).TakeWhile(l => !l.StartsWith("=====")))
            (line.StartsWith('\t') ? server : client).Append(line.Trim());
        return (client.ToString(), server.ToString());
    }

    public static Task<string> CapinfosAsync(string file) => RunAsync("/usr/bin/capinfos", [file]);

    private static TsharkFrame Frame(string line)
    {
        var f = line.Split('\t');
        return new TsharkFrame(f[0], f[1] + f[2], int.Parse(f[3], CultureInfo.InvariantCulture), f[4] + f[5],
            int.Parse(f[6], CultureInfo.InvariantCulture), f[7].Replace("·", ""), uint.Parse(f[8], CultureInfo.InvariantCulture),
            uint.Parse(f[9], CultureInfo.InvariantCulture), int.Parse(f[10], CultureInfo.InvariantCulture),
            int.Parse(f[11], CultureInfo.InvariantCulture), int.Parse(f[12], CultureInfo.InvariantCulture), f[13], f[14]);
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
