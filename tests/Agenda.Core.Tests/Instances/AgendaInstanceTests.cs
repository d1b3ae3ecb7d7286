using Agenda.Core.Instances;
using Agenda.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace Agenda.Core.Tests.Instances;

public sealed class AgendaInstanceTests
{
    private static IConfiguration Settings(string? name) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:InstanceName"] = name }).Build();

    [Fact]
    public void TheConfiguredNameIsKeptAndTheIdAddsASuffixThatDiffersAtEveryStart()
    {
        var first = AgendaInstance.From(Settings("agenda-1"));
        var second = AgendaInstance.From(Settings("agenda-1"));

        Assert.Equal(("agenda-1", "agenda-1"), (first.Name, second.Name));
        Assert.Matches(@"^agenda-1\.[0-9a-f]{8}$", first.Id);
        Assert.NotEqual(first.Id, second.Id); // two processes given one name by mistake still skip only their own notices
    }

    [Fact]
    public void WithoutANameTheMachineAndProcessNameTheInstance()
    {
        var instance = AgendaInstance.From(Settings(null));

        Assert.Equal($"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}", instance.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("agenda/1")]
    [InlineData("a-name-that-is-longer-than-sixty-four-characters-which-is-the-most-allowed")]
    public void ANameThatIsNotPlainShortTextStopsStartupNamingTheSetting(string name)
    {
        var refusal = Assert.Throws<StorageStartupException>(() => AgendaInstance.From(Settings(name)));

        Assert.StartsWith($"Storage:InstanceName '{name}' is not an instance name: use 1 to 64 letters, digits", refusal.Message);
    }
}
