using System.Diagnostics;

namespace Agenda.Bench.Instances;

/// <summary>
/// The tests' throwaway PostgreSQL cluster (tests/postgres.sh: initdb in a temporary folder, a free loopback port),
/// with fsync on, so commits are as durable as the SQLite rows they are compared with. A bash process holds it: it
/// starts the cluster, prints where it is, and waits for its standard input to close; then the script's exit trap
/// stops and deletes the cluster. Closing that input is disposing this, or this process dying, so no server outlives
/// the benchmark. Sets <c>AGENDA_TEST_POSTGRES</c> here, for <see cref="PostgresServer"/>.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Marker = "AGENDA_TEST_POSTGRES=";
    private readonly Process _holder;

    private ThrowawayPostgres(Process holder, string connectionString)
    {
        _holder = holder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source tests/postgres.sh && start_test_postgres >&2 && echo \"{Marker}$AGENDA_TEST_POSTGRES\" && read -r _"])
        {
            WorkingDirectory = TestPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PG_TEST_FSYNC"] = "on" },
        };
        var holder = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var errors = holder.StandardError.ReadToEndAsync();
        var line = await holder.StandardOutput.ReadLineAsync();
        if (line is null || !line.StartsWith(Marker))
        {
            await holder.WaitForExitAsync();
            throw new InvalidOperationException($"tests/postgres.sh did not start a cluster: {line}{await errors}");
        }
        var connectionString = line[Marker.Length..];
        Environment.SetEnvironmentVariable(PostgresServer.Variable, connectionString);
        return new ThrowawayPostgres(holder, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _holder.StandardInput.Close(); // read returns, bash exits, its trap stops the cluster
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _holder.WaitForExitAsync(patience.Token);
        _holder.Dispose();
    }
}
