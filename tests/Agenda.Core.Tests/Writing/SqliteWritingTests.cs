using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Storage.Providers;
using Agenda.Core.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agenda.Core.Tests.Writing;

/// <summary>What only SQLite has: <c>Storage:Synchronous</c> on every connection, and the bound on waiting writes.</summary>
public class SqliteWritingTests
{
    private static IConfiguration Settings(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

    [Theory]
    [InlineData(null, 1)]
    [InlineData("Normal", 1)]
    [InlineData("full", 2)]
    public async Task EveryConnectionOfTheStoreUsesTheConfiguredSynchronousSetting(string? setting, long pragma)
    {
        await using var db = await SqliteStore.OpenAsync(settings: setting is null ? null : new Dictionary<string, string?> { ["Storage:Synchronous"] = setting });
        var contexts = db.Services.GetRequiredService<IDbContextFactory<AgendaDbContext>>();

        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => // several at once: several pooled connections
        {
            await using var context = await contexts.CreateDbContextAsync();
            return await context.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
        }));
        Assert.All(opened, value => Assert.Equal(pragma, value));
    }

    [Fact]
    public async Task CommitsLeaveCheckpointsToTheBackgroundWhichCopiesTheWalIntoTheFileSoon()
    {
        await using var db = await SqliteStore.OpenAsync();
        var contexts = db.Services.GetRequiredService<IDbContextFactory<AgendaDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync())
        {
            await context.Database.OpenConnectionAsync();
            await using var pragma = context.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = "PRAGMA wal_autocheckpoint";
            Assert.Equal(0L, await pragma.ExecuteScalarAsync()); // no commit checkpoints itself
        }
        var before = new FileInfo(db.DatabaseFile).Length;

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => db.Store.CreateAsync(ContactCard.Simple($"C{i}", "", "", ""), Door.Rest)));

        await Eventually.TrueAsync(() => new FileInfo(db.DatabaseFile).Length > before, "the contacts copied from the WAL into the database file");
    }

    [Theory]
    [InlineData("Off")]
    [InlineData("extra")]
    [InlineData("2")]
    public void ASynchronousSettingOtherThanNormalOrFullIsRefusedNamingBoth(string value)
    {
        var refusal = Assert.Throws<StorageStartupException>(() => SqliteSynchronousSetting.From(Settings("Storage:Synchronous", value)));
        Assert.StartsWith($"Storage:Synchronous '{value}' is not supported: use 'Normal' (the default", refusal.Message);
        Assert.Contains("or 'Full'", refusal.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("1.5")]
    public void AMaxPendingWritesThatIsNotAPositiveWholeNumberIsRefused(string value)
    {
        var refusal = Assert.Throws<StorageStartupException>(() => PendingWritesLimit.From(Settings("Storage:MaxPendingWrites", value)));
        Assert.Equal($"Storage:MaxPendingWrites '{value}' is not a number of writes: give a whole number of at least 1, like 1000 (the default).", refusal.Message);
    }

    [Fact]
    public async Task BeyondMaxPendingWritesACallerWaitsForRoomAndMayGiveUpWithoutStoringAnything()
    {
        await using var db = await SqliteStore.OpenAsync(settings: new Dictionary<string, string?> { ["Storage:MaxPendingWrites"] = "2" });
        using var cancel = new CancellationTokenSource();

        using var writer = new HeldWriter(db.Store);
        var queued = new[] { db.Store.CreateAsync(ContactCard.Simple("A", "", "", ""), Door.Rest), db.Store.CreateAsync(ContactCard.Simple("B", "", "", ""), Door.Rest) };
        var waitingForRoom = db.Store.CreateAsync(ContactCard.Simple("C", "", "", ""), Door.Rest);
        var givingUp = db.Store.CreateAsync(ContactCard.Simple("Gave up", "", "", ""), Door.Rest, cancel.Token);

        Assert.Equal(2, writer.Waiting); // the writer is held, so nothing can make room: the other two are not queued
        Assert.False(waitingForRoom.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givingUp);
        writer.Dispose();

        Assert.Equal([0L, 1L, 2L], (await Task.WhenAll([.. queued, waitingForRoom])).Select(c => c.Id));
        Assert.Equal(["A", "B", "C"], await db.Store.ReadAllAsync().Select(c => c.FirstName).ToListAsync());
    }
}
