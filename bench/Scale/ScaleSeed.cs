using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Bench.Scale;

/// <summary>
/// Writes a large agenda straight into a fresh SQLite file (migrated by the store's own code, rows through the
/// store's own mapping, one transaction), so the scale benchmark measures reads, not 100,000 separate commits.
/// </summary>
public static class ScaleSeed
{
    private static readonly string[] FirstNames =
        ["Ana", "João", "Maria", "Pedro", "Lucas", "Júlia", "Gabriel", "Beatriz", "Rafael", "Larissa", "Mateus", "Camila",
         "Felipe", "Fernanda", "Gustavo", "Letícia", "Bruno", "Mariana", "Thiago", "Amanda", "Klein", "Élodie", "Zé", "Ingrid"];
    private static readonly string[] SecondNames =
        ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa",
         "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias"];

    public static ContactCard Contact(Random random, int i)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var second = SecondNames[random.Next(SecondNames.Length)];
        var phone = $"{random.Next(11, 99)} 9{random.Next(10_000_000, 99_999_999)}";
        return ContactCard.Simple(first, second, phone, $"{first.ToLowerInvariant()}.{second.ToLowerInvariant()}{i}@example.com");
    }

    public static async Task WriteAsync(string databaseFile, int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Agenda"] = $"Data Source={databaseFile}",
        }).Build();
        await using var services = new ServiceCollection().AddContactStore(configuration).BuildServiceProvider();
        await services.InitializeContactStoreAsync();

        // EF change tracking costs ~0.3 ms a row; one prepared INSERT in one transaction costs microseconds.
        await using var db = await services.GetRequiredService<IDbContextFactory<AgendaDbContext>>().CreateDbContextAsync();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Contacts (Id, FirstName, SecondName, PhoneNumber, Email, Uid, Version, CreatedAt, UpdatedAt, SearchText, PhoneDigits)
            VALUES ($id, $first, $second, $phone, $email, $uid, 1, $now, $now, $search, $digits)
            """;
        var parameters = new[] { "$id", "$first", "$second", "$phone", "$email", "$uid", "$now", "$search", "$digits" }
            .ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        parameters["$now"].Value = DateTime.UtcNow;
        var random = new Random(20261124);
        for (var i = 0; i < count; i++)
        {
            var row = new ContactRow();
            row.SetCard(Contact(random, i) with { Uid = $"seed-{i}" }); // the store's own mapping computes the search columns
            parameters["$id"].Value = i;
            parameters["$first"].Value = row.FirstName;
            parameters["$second"].Value = row.SecondName;
            parameters["$phone"].Value = row.PhoneNumber;
            parameters["$email"].Value = row.Email;
            parameters["$uid"].Value = row.Uid;
            parameters["$search"].Value = row.SearchText;
            parameters["$digits"].Value = row.PhoneDigits;
            await insert.ExecuteNonQueryAsync();
        }
        var counter = connection.CreateCommand();
        counter.CommandText = "UPDATE IdCounters SET Next = $next WHERE Name = $name";
        counter.Parameters.AddWithValue("$next", count);
        counter.Parameters.AddWithValue("$name", AgendaDbContext.ContactIdCounter);
        await counter.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        // Every row into the database file itself (the last connection's close checkpoints the WAL), so the file alone
        // can be copied for each process.
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
    }
}
