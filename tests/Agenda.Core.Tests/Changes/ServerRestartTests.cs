using System.Collections.Concurrent;
using Agenda.Core.Contacts;
using Agenda.Core.Storage.Changes;
using Xunit.Abstractions;

namespace Agenda.Core.Tests.Changes;

/// <summary>Restarts the test cluster, so it runs alone: every other test's sessions would end with it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerRestartCollection
{
    public const string Name = "PostgreSQL restarts";
}

/// <summary>
/// PostgreSQL restarting while two instances write: a write either fails to its caller or is stored, and the change
/// listeners come back by themselves.
/// </summary>
[Collection(ServerRestartCollection.Name)]
public sealed class ServerRestartTests(ITestOutputHelper output)
{
    private const int WritersPerInstance = 3;
    private const int AcknowledgedAfterRestart = 20; // per writer

    [Fact]
    public async Task RestartingPostgresUnderLoadLosesNoAcknowledgedWriteAndTheListenersComeBack()
    {
        await using var database = await PostgresServer.CreateMigratedAsync();
        await using var a = await ListeningInstance.StartAsync(database);
        await using var b = await ListeningInstance.StartAsync(database);
        var acknowledged = new ConcurrentBag<Contact>();
        var failures = new ConcurrentBag<Exception>();
        var restarted = new TaskCompletionSource();

        var writers = Enumerable.Range(0, 2 * WritersPerInstance).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? a.Store : b.Store;
            Contact? mine = null;
            for (var i = 0; !restarted.Task.IsCompleted || acknowledged.Count(c => c.FirstName == $"W{w}" && c.Version > 1) < AcknowledgedAfterRestart; i++)
            {
                try
                {
                    // Alternately a new contact and an update of this writer's latest, each returned only once committed.
                    mine = mine is null || i % 2 == 0
                        ? await store.CreateAsync(ContactCard.Simple($"W{w}", $"{i}", "", ""), Door.Rest)
                        : await store.PatchAsync(mine.Id, new ContactPatch(SecondName: $"{i}"), mine.Version, Door.Rmi);
                    acknowledged.Add(mine);
                }
                catch (Exception e) when (e is not ContactVersionConflictException)
                {
                    failures.Add(e); // refused while the server was away: allowed, as long as it was not acknowledged
                    await Task.Yield();
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Count >= 50, "writes before the restart");
        var before = b.Heard.Resyncs;
        await PostgresServer.RestartAsync();
        restarted.SetResult();
        await Task.WhenAll(writers);

        foreach (var written in acknowledged)
        {
            var stored = await a.Store.GetAsync(written.Id); // throws ContactNotFoundException for a lost create
            Assert.True(stored.Version >= written.Version, $"contact {written.Id} is at version {stored.Version}, but version {written.Version} was acknowledged");
            Assert.Equal(written.FirstName, stored.FirstName);
        }
        Assert.NotEmpty(failures); // the restart really happened under the writers
        output.WriteLine($"{acknowledged.Count} writes acknowledged and found stored, {failures.Count} refused; first refusal: {failures.First().Message}");
        await Eventually.TrueAsync(() => b.Heard.Resyncs > before && b.Status.Current.State == ChangeFeedState.Listening,
            () => $"B's listener back: {b.Status.Current}", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => a.Status.Current.State == ChangeFeedState.Listening, () => $"A's listener back: {a.Status.Current}", TimeSpan.FromSeconds(30));
        var later = await a.Store.CreateAsync(ContactCard.Simple("After", "the restart", "", ""), Door.Ui);
        await b.Heard.WaitForAsync(c => c.ContactId == later.Id, "a write after the restart, heard on B");
    }
}
