using Agenda.Rmi.Naming;

namespace Agenda.Rmi.Tests.Naming;

public class NameTableTests
{
    private static NameRegistration Entry(string name, string uri = "PYRO:o@h:1") => new(name, uri, new HashSet<string>());

    [Fact]
    public void SnapshotKeepsRegistrationOrderAndIsDetachedFromLaterChanges()
    {
        var table = new NameTable();
        table.Set(Entry("b"));
        table.Set(Entry("a"));
        var snapshot = table.Snapshot();
        table.Remove(["b"]);
        Assert.Equal(["b", "a"], snapshot.Select(e => e.Name));
        Assert.Equal(["a"], table.Snapshot().Select(e => e.Name));
    }

    [Fact]
    public void OnlyIfNewLeavesAnExistingEntryAlone()
    {
        var table = new NameTable();
        Assert.True(table.Set(Entry("a", "PYRO:first@h:1")));
        Assert.False(table.Set(Entry("a", "PYRO:second@h:1"), onlyIfNew: true));
        Assert.Equal("PYRO:first@h:1", table.Find("a")!.Uri);
    }

    [Fact]
    public void AThrowingSubscriberDoesNotFailTheChangeOrStarveOthers()
    {
        var table = new NameTable();
        var seen = 0;
        table.Changed += () => throw new InvalidOperationException("bad subscriber");
        table.Changed += () => seen++;
        table.Set(Entry("a"));
        Assert.Equal((1, 1), (seen, table.Count));
    }

    [Fact]
    public void ConcurrentRegistrationsAreAllKept()
    {
        var table = new NameTable();
        Parallel.For(0, 1000, i => table.Set(Entry("n" + i)));
        Assert.Equal(1000, table.Snapshot().Select(e => e.Name).Distinct().Count());
    }
}
