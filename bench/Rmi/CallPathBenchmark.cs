using System.Buffers;
using System.Diagnostics;
using Agenda.Bench.Support;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Rmi.AgendaObjects;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Bench.Rmi;

/// <summary>
/// Where one <c>buscar</c> call's time and memory go on the server's side of Kestrel, step by step, in this process
/// (no sockets): framing the request, copying its payload, parsing it, dispatch (binding, the store's cached read, the
/// contact's dict), serpent, and framing the reply. Each step runs alone in a loop; time per call is what the loop
/// took (the fastest of three rounds; under other load still an upper bound), bytes per call what it allocated (exact, whatever the load).
/// </summary>
public static class CallPathBenchmark
{
    private const int Contacts = 1_000, Calls = 200_000;

    public static async Task RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "agenda-bench", Guid.NewGuid().ToString("n"));
        try
        {
            await using var services = await StoreAsync(Path.Combine(data, "agenda.db"));
            var store = services.GetRequiredService<IContactStore>();
            var daemon = new PyroDaemon("objects", "127.0.0.1", 9095);
            daemon.Register("KLEIN_ROCHA", new OriginalAgendaObject(store));
            var serializer = SerpentPyroSerializer.Instance;
            var context = new RemoteCallContext(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 50000), CancellationToken.None);

            var request = Request(serializer, Contacts / 2);
            var reader = new PyroMessageReader(4 * 1024 * 1024);
            var message = Read(reader, request);
            var payload = PyroCompression.PayloadOf(message, reader.MaxMessageBytes);
            var call = serializer.DeserializeCall(payload.Span);
            var result = await daemon.InvokeAsync(call, context);
            using var reply = new PooledBuffer();
            await serializer.SerializeAsync(result, reply, CancellationToken.None);
            var replyBytes = reply.ToArray();
            var annotations = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["CORR"] = new byte[16] };
            var wire = new ArrayBufferWriter<byte>(1024);

            var table = new Table("Step", "ns/call", "bytes/call");
            void Add((string Step, double Ns, double Bytes) f) => table.Add(f.Step, f.Ns, f.Bytes);
            Add(Measure("frame the request (PyroMessageReader.TryRead)", () => Read(reader, request)));
            Add(Measure("its payload (PyroCompression.PayloadOf)", () => PyroCompression.PayloadOf(message, reader.MaxMessageBytes)));
            Add(Measure("parse the call (serpent)", () => serializer.DeserializeCall(payload.Span)));
            Add(await MeasureAsync("store.GetAsync(id) (ContactCache hit)", () => new ValueTask(store.GetAsync(Contacts / 2))));
            Add(await MeasureAsync("dispatch: bind, store, the contact's dict", async () => await daemon.InvokeAsync(call, context)));
            Add(await MeasureAsync("serialize the reply (serpent)", async () =>
            {
                using var buffer = new PooledBuffer();
                await serializer.SerializeAsync(result, buffer, CancellationToken.None);
            }));
            Add(Measure("frame the reply (PyroMessageWriter)", () =>
            {
                wire.ResetWrittenCount();
                PyroMessageWriter.WriteHead(wire, PyroMessageType.Result, PyroFlags.None, 1, serializer.Id, annotations, replyBytes.Length);
                wire.Write(replyBytes);
            }));
            table.Print($"One buscar call on the server, step by step ({Calls:N0} calls each, {replyBytes.Length} B reply)");
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<ServiceProvider> StoreAsync(string databaseFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = $"Data Source={databaseFile}",
        }).Build();
        var services = new ServiceCollection().AddContactStore(configuration).BuildServiceProvider();
        await services.InitializeContactStoreAsync();
        var random = new Random(17);
        await services.GetRequiredService<IContactStore>().ImportAsync(
            [.. Enumerable.Range(0, Contacts).Select(i => Scale.ScaleSeed.Contact(random, i))], dryRun: false, Door.Rest);
        return services;
    }

    // What a Pyro4 proxy sends: the serpent 4-tuple (object, method, (id,), {}) with a CORR annotation.
    private static byte[] Request(IPyroSerializer serializer, long id) => PyroMessageWriter.ToArray(new PyroMessage(
        PyroMessageType.Invoke, PyroFlags.None, 1, serializer.Id,
        new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["CORR"] = Guid.NewGuid().ToByteArray() },
        serializer.SerializeCall(new PyroCall("KLEIN_ROCHA", "buscar", [id], PyroCall.NoKeywords))));

    private static PyroMessage Read(PyroMessageReader reader, byte[] bytes)
    {
        var sequence = new ReadOnlySequence<byte>(bytes);
        return reader.TryRead(ref sequence, out var message) ? message : throw new InvalidOperationException("incomplete request");
    }

    private static (string, double, double) Measure(string step, Action call) =>
        MeasureAsync(step, () => { call(); return ValueTask.CompletedTask; }).GetAwaiter().GetResult();

    // Warmed up for a second first, so the JIT's optimized code is what runs (tiering waits for a quiet moment, which
    // a loaded machine delays); then the fastest of three rounds. The steps complete synchronously (a cache hit, a small
    // reply), so the thread's own allocation count covers all they allocate.
    private static async Task<(string, double, double)> MeasureAsync(string step, Func<ValueTask> call)
    {
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(1);) await call();
        var (fastest, bytes) = (double.MaxValue, 0.0);
        for (var round = 0; round < 3; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++) await call();
            fastest = Math.Min(fastest, clock.Elapsed.TotalNanoseconds / Calls);
            bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Calls;
        }
        return (step, fastest, bytes);
    }
}
