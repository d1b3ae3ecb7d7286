using Npgsql;

namespace Agenda.Tests;

/// <summary>
/// The throwaway PostgreSQL cluster <c>test.sh</c> starts, named by <c>AGENDA_TEST_POSTGRES</c>. Each test gets a
/// database of its own (a random name, dropped afterwards), so test classes run in parallel on one cluster. Without
/// the variable the PostgreSQL tests fail, saying how to get one: a test that quietly skips proves nothing.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "AGENDA_TEST_POSTGRES";

    // The schema is migrated once per test run into a template; each test's database is a copy of it (CREATE DATABASE
    // ... TEMPLATE copies files, far quicker than migrating again).
    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync);

    /// <summary>A connection string for the cluster's maintenance database, as a superuser.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set, and the PostgreSQL tests need a PostgreSQL server: run ./test.sh, which starts a " +
                $"throwaway cluster and sets it (or set {Variable}=\"Host=127.0.0.1;Port=...;Username=...;Database=postgres\" " +
                "for a server whose databases these tests may create and drop).");

    /// <summary>
    /// Restarts the whole cluster (a fast shutdown: every session is ended, as in a real restart) and returns when it
    /// accepts connections again, with the command test.sh puts in <see cref="RestartVariable"/>. Only for tests that
    /// run alone (a collection with parallelisation disabled): every other test's sessions end too.
    /// </summary>
    public static async Task RestartAsync()
    {
        var command = Environment.GetEnvironmentVariable(RestartVariable) is { Length: > 0 } set ? set
            : throw new InvalidOperationException($"{RestartVariable} is not set: run ./test.sh, which sets it to the command that restarts its throwaway cluster.");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("/bin/sh did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"restarting PostgreSQL failed ({process.ExitCode}): {await output}{await error}");
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        NpgsqlConnection.ClearPool(admin); // the tests' own idle sessions ended with the restart
    }

    public const string RestartVariable = "AGENDA_TEST_POSTGRES_RESTART";

    /// <summary>A new database with nothing in it.</summary>
    public static Task<PostgresDatabase> CreateEmptyAsync() => CreateAsync(template: null);

    /// <summary>A new database with Agenda's schema and no contacts.</summary>
    public static async Task<PostgresDatabase> CreateMigratedAsync() => await CreateAsync(await MigratedTemplate.Value);

    /// <summary>Runs one statement on the maintenance database.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresDatabase> CreateAsync(string? template)
    {
        var name = $"agenda_test_{Guid.NewGuid():n}";
        await ExecuteAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString);
    }

    private static async Task<string> CreateMigratedTemplateAsync()
    {
        var database = await CreateAsync(template: null);
        await (await PostgresStore.OpenAsync(database, ownsDatabase: false)).DisposeAsync();
        database.ClearPool(); // a template must have no open connections while it is copied
        return database.Name;
    }
}

/// <summary>One database on the test cluster; dropped, with any connection still open to it, when disposed.</summary>
public sealed record PostgresDatabase(string Name, string ConnectionString) : IAsyncDisposable
{
    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public async Task<IReadOnlyList<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0)) ?? "");
        return values;
    }

    public void ClearPool()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public async ValueTask DisposeAsync()
    {
        ClearPool();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
