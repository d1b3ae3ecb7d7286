using Agenda.Bench.Rmi;
using Agenda.Bench.Support;
using Agenda.Rmi.Client;

namespace Agenda.Bench.Instances;

/// <summary>
/// Closed-loop load (<see cref="LoadRun"/>) whose connections are dealt round-robin over the instances given, as a
/// client-side balancer would: with two instances, 16 connections are 8 on each.
/// </summary>
public static class SpreadLoad
{
    public const int Connections = 16;

    /// <summary><c>buscar(random id)</c> on KLEIN_ROCHA, one Pyro connection per worker.</summary>
    public static Task<CaseFigures> BuscarAsync(string name, IReadOnlyList<AgendaProcess> instances) =>
        PyroAsync(name, instances, proxy => () => proxy.InvokeAsync("buscar", [(long)Random.Shared.Next(RmiBenchmark.Contacts)]));

    /// <summary><c>inserir</c> of a new contact on KLEIN_ROCHA; each acknowledged insert is committed.</summary>
    public static Task<CaseFigures> InserirAsync(string name, IReadOnlyList<AgendaProcess> instances) =>
        PyroAsync(name, instances, proxy => () => proxy.InvokeAsync("inserir", [RmiBenchmark.Contact(Random.Shared.Next())]));

    /// <summary><c>GET /api/contacts/{random id}</c>, the whole body read; one client per instance, 16 connections in all.</summary>
    public static async Task<CaseFigures> GetByIdAsync(string name, IReadOnlyList<AgendaProcess> instances)
    {
        var clients = instances.Select(i => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections })
        {
            BaseAddress = i.BaseAddress,
        }).ToList();
        try
        {
            return await LoadRun.RunAsync(name, Connections, worker => Task.FromResult<Func<Task>>(() =>
                clients[worker % clients.Count].GetOkAsync($"api/contacts/{Random.Shared.Next(RmiBenchmark.Contacts)}")));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static async Task<CaseFigures> PyroAsync(string name, IReadOnlyList<AgendaProcess> instances, Func<PyroProxy, Func<Task>> call)
    {
        var proxies = new List<PyroProxy>();
        try
        {
            return await LoadRun.RunAsync(name, Connections, async worker =>
            {
                var proxy = await PyroProxy.ConnectAsync("127.0.0.1", instances[worker % instances.Count].DaemonPort, RmiBenchmark.ObjectId);
                lock (proxies) proxies.Add(proxy);
                return call(proxy);
            });
        }
        finally
        {
            foreach (var proxy in proxies) await proxy.DisposeAsync();
        }
    }
}
