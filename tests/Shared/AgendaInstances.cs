namespace Agenda.Tests;

/// <summary>
/// Real Agenda processes (agenda-a, agenda-b, ...) sharing one fresh database of the test cluster, each on its own free
/// ports, as an operator runs several instances: <c>Storage__Provider=Postgres</c> and one connection string. Started
/// together, each returns once healthy (listening for the others' changes); stopped and the database dropped on dispose.
/// </summary>
public sealed class AgendaInstances : IAsyncDisposable
{
    private AgendaInstances(PostgresDatabase database, IReadOnlyList<AgendaProcess> all)
    {
        Database = database;
        All = all;
    }

    public PostgresDatabase Database { get; }
    public IReadOnlyList<AgendaProcess> All { get; }
    public AgendaProcess A => All[0];
    public AgendaProcess B => All[1];

    /// <param name="settings">More environment for instance i (0 for agenda-a), as <see cref="AgendaProcess.StartAsync"/> takes it.</param>
    public static async Task<AgendaInstances> StartAsync(int count = 2, Func<int, IReadOnlyDictionary<string, string>>? settings = null)
    {
        var database = await PostgresServer.CreateMigratedAsync();
        var starting = Enumerable.Range(0, count).Select(i => AgendaProcess.StartAsync(settings: new Dictionary<string, string>(
            settings?.Invoke(i) ?? new Dictionary<string, string>())
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Agenda"] = database.ConnectionString,
            ["Storage__InstanceName"] = $"agenda-{(char)('a' + i)}",
        })).ToList();
        try { return new AgendaInstances(database, await Task.WhenAll(starting)); }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in All) await instance.DisposeAsync();
        await Database.DisposeAsync();
    }
}
