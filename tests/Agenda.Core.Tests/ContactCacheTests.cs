using Agenda.Core.Contacts;
using Agenda.Core.Storage;

namespace Agenda.Core.Tests;

public class ContactCacheTests
{
    private static Contact Version(long version) => new(7, ContactCard.Simple("Ana", "", "", ""), version, DateTime.UtcNow, DateTime.UtcNow);

    [Fact]
    public void AReadThatOverlapsAWriteDoesNotStoreWhatItLoaded()
    {
        var cache = new ContactCache();
        var epoch = cache.ReadEpoch();     // a reader starts loading version 1
        cache.WriteStarting();             // a writer deletes the contact meanwhile
        cache.WriteFinished(7, null);
        cache.AddLoaded(Version(1), epoch); // the reader finishes late

        Assert.False(cache.TryGet(7, out _));
    }

    [Fact]
    public void AReadThatBeganWhileADeleteWasCommittingDoesNotStoreWhatItLoaded()
    {
        var cache = new ContactCache();
        cache.WriteStarting();              // a writer starts committing the delete
        var epoch = cache.ReadEpoch();      // a reader misses the cache meanwhile and reads the row, not yet deleted
        cache.WriteFinished(7, null);       // the delete commits
        cache.AddLoaded(Version(1), epoch); // the reader finishes late

        Assert.False(cache.TryGet(7, out _));
    }

    [Fact]
    public void AWriteFinishingAfterALoadReplacesIt()
    {
        var cache = new ContactCache();
        cache.AddLoaded(Version(1), cache.ReadEpoch());
        cache.WriteStarting();
        cache.WriteFinished(7, Version(2));

        Assert.True(cache.TryGet(7, out var contact));
        Assert.Equal(2, contact.Version);
    }

    [Fact]
    public void ACacheAtCapacityStartsOverInsteadOfGrowing()
    {
        var cache = new ContactCache(capacity: 2);
        foreach (var id in new long[] { 1, 2, 3 })
            cache.AddLoaded(Version(1) with { Id = id }, cache.ReadEpoch());

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(3, out _));
    }

    [Fact]
    public void TheCacheThatIsOffKeepsNeitherLoadsNorWrites()
    {
        var cache = ContactCache.Off;
        cache.AddLoaded(Version(1), cache.ReadEpoch());
        cache.WriteStarting();
        cache.WriteFinished(8, Version(2) with { Id = 8 });

        Assert.False(cache.TryGet(7, out _));
        Assert.False(cache.TryGet(8, out _));
    }

    [Fact]
    public void ACountReadWhileABatchCommitsIsNotKeptSoTheBatchIsNotCountedTwice()
    {
        var cache = new ContactCache();
        cache.AddLoadedTotal(10, cache.ReadEpoch());
        cache.Counted(null);                // a failed batch: nobody knows whether it committed
        Assert.False(cache.TryGetTotal(out _));

        cache.WriteStarting();              // a batch of three creates starts committing
        var epoch = cache.ReadEpoch();      // a reader counts meanwhile, and sees the three already
        cache.AddLoadedTotal(13, epoch);    // ... before the writer has said so
        cache.Counted(3);
        Assert.False(cache.TryGetTotal(out _));

        cache.AddLoadedTotal(13, cache.ReadEpoch());
        cache.WriteStarting();
        cache.Counted(2 - 1);               // two created, one deleted
        Assert.True(cache.TryGetTotal(out var total));
        Assert.Equal(14, total);
    }
}
