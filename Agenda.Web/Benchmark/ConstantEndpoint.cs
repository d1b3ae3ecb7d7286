using System.Collections.Concurrent;
using System.Text;

namespace Agenda.Web.Benchmark;

/// <summary>
/// The REST benchmark's yardstick: a minimal endpoint in this same process answering a constant JSON body of a
/// requested size, i.e. what Kestrel and routing alone cost. Mapped only when <c>Benchmark:ConstantEndpoint</c> is
/// true (the benchmark sets it); never part of the public API.
/// </summary>
internal static class ConstantEndpoint
{
    private const int MaxBytes = 64 * 1024;

    public static void MapBenchmarkConstant(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Benchmark:ConstantEndpoint")) return;
        var bodies = new ConcurrentDictionary<int, byte[]>();
        app.MapGet("/bench/constant/{size:int}", (int size) => size is < 16 or > MaxBytes
                ? Results.BadRequest()
                : Results.Bytes(bodies.GetOrAdd(size, BodyOf), "application/json"))
            .ExcludeFromDescription();
    }

    // {"pad":"xxx…"} padded to exactly `size` bytes.
    private static byte[] BodyOf(int size) => Encoding.ASCII.GetBytes("{\"pad\":\"" + new string('x', size - 10) + "\"}");
}
