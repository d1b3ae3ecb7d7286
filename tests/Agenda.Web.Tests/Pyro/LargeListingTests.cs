using Microsoft.Data.Sqlite;

namespace Agenda.Web.Tests.Pyro;

/// <summary>
/// Runs alone: Python parsing 16 MB keeps a core busy for most of a minute, which would slow the processes other tests
/// start past their deadlines on a two-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeListingCollection
{
    public const string Name = "A large listing";
}

/// <summary>listar_todos over 100,000 contacts, streamed by the real process and read whole by Debian's Python Pyro4.</summary>
[Collection(LargeListingCollection.Name)]
public class LargeListingTests
{
    private const int Count = 100_000;

    [Fact]
    public async Task PythonReadsAHundredThousandContactsFromListarTodosInIdOrder()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("agenda-large").FullName;
        try
        {
            await SeedAsync(Path.Combine(dataDirectory, "agenda.db"));
            await using var agenda = await AgendaProcess.StartAsync(dataDirectory);
            var result = await PythonScript.RunAsync("large_listing.py", agenda.PyroEnvironment, [$"{Count}"], TimeSpan.FromMinutes(3));
            Assert.True(result.ExitCode == 0, $"{result}\nAgenda log:\n{agenda.Log}");
            Assert.Contains($"large listing ok {Count}", result.Output);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // The fields large_listing.py expects: accents, an emoji, a quote and a backslash among plain ASCII.
    private static (string First, string Second, string Phone, string Email) Card(int i) => (
        i % 5 == 0 ? $"Élodie😀{i}" : $"Pessoa{i}", i % 7 == 0 ? "D'Ávila \\ Ñ" : "Silva", $"69 9{i:D8}", $"p{i}@example.com");

    // Migrated by the store's own startup code, then rows straight into the table in one transaction (as
    // bench/Scale/ScaleSeed does): 100,000 separate commits through the store would take minutes.
    private static async Task SeedAsync(string databaseFile)
    {
        await using (var store = await SqliteStore.OpenAsync())
        {
            await store.CloseAsync();
            File.Copy(store.DatabaseFile, databaseFile);
        }
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Contacts (Id, FirstName, SecondName, PhoneNumber, Email, Uid, Version, CreatedAt, UpdatedAt, SearchText, PhoneDigits)
            VALUES ($id, $first, $second, $phone, $email, $uid, 1, $now, $now, '', '')
            """;
        var parameters = new[] { "$id", "$first", "$second", "$phone", "$email", "$uid", "$now" }
            .ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        parameters["$now"].Value = DateTime.UtcNow;
        for (var i = 0; i < Count; i++)
        {
            var (first, second, phone, email) = Card(i);
            (parameters["$id"].Value, parameters["$first"].Value, parameters["$second"].Value) = (i, first, second);
            (parameters["$phone"].Value, parameters["$email"].Value, parameters["$uid"].Value) = (phone, email, $"seed-{i}");
            await insert.ExecuteNonQueryAsync();
        }
        var counter = connection.CreateCommand();
        counter.CommandText = "UPDATE IdCounters SET Next = $next WHERE Name = 'contacts'";
        counter.Parameters.AddWithValue("$next", Count);
        await counter.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
