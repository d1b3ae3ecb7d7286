using System.Text;
using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Core.Storage.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agenda.Core.Tests.Changes;

public sealed class ChangeNoticeTests
{
    private static readonly string LongestInstanceId = new string('n', 64) + ".0123abcd";

    [Fact]
    public void IdsAreWrittenAsAscendingRangesOfConsecutiveIds()
    {
        var groups = ContactIdRanges.Groups([10_007, 5, 0, 1, 2, 10_008, 10_005, 3, 10_009, 10_010, 2], maxIds: 100, maxText: 100).ToList();

        Assert.Equal(["0-3,5,10005,10007-10010"], groups.Select(ContactIdRanges.Format));
    }

    [Fact]
    public void GroupsKeepUnderTheirIdAndTextLimitsAndSplitARangeThatIsTooLong()
    {
        var byCount = ContactIdRanges.Groups(Enumerable.Range(0, 25_000).Select(i => (long)i), maxIds: 10_000, maxText: 6_000);
        Assert.Equal(["0-9999", "10000-19999", "20000-24999"], byCount.Select(ContactIdRanges.Format));

        var scattered = Enumerable.Range(0, 5_000).Select(i => 1_000_000L + 2 * i).ToList(); // no two consecutive: 8 characters each
        var byText = ContactIdRanges.Groups(scattered, maxIds: 10_000, maxText: 6_000).ToList();
        Assert.All(byText, g => Assert.True(ContactIdRanges.Format(g).Length < 6_000));
        Assert.Equal(scattered, byText.SelectMany(g => g).Select(r => r.First));
    }

    [Theory]
    [InlineData("0-3,5")]
    [InlineData("42")]
    [InlineData("9223372036854775806-9223372036854775807")]
    public void WrittenRangesReadBack(string text)
    {
        Assert.True(ContactIdRanges.TryParse(text, out var ranges));
        Assert.Equal(text, ContactIdRanges.Format(ranges));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5,3")]
    [InlineData("0-3,2")]
    [InlineData("3-1")]
    [InlineData("-1")]
    [InlineData("1,,2")]
    [InlineData("1 ,2")]
    [InlineData("x")]
    public void AnythingElseIsNotRanges(string text) => Assert.False(ContactIdRanges.TryParse(text, out _));

    [Fact]
    public void ANoticeReadsBackFromItsPayload()
    {
        var notice = new ChangeNotice("agenda-1.3f9a0c11", ChangeKind.Updated, "42", 3, Door.Rmi, "127.0.0.1:50422");

        Assert.Equal("""{"from":"agenda-1.3f9a0c11","kind":"Updated","ids":"42","version":3,"door":"Rmi","who":"127.0.0.1:50422"}""", notice.ToPayload());
        Assert.Equal(notice, ChangeNotice.TryRead(notice.ToPayload()));
    }

    [Fact]
    public void TheLargestNoticeStaysUnderPostgresPayloadLimit()
    {
        var ids = ContactIdRanges.Groups(Enumerable.Range(0, 10_000).Select(i => long.MaxValue - 2 * i), ChangeNotice.MaxIds, ChangeNotice.MaxIdsText).First();
        var who = ChangeNotice.ShortWho(string.Concat(Enumerable.Repeat("\u0001\"ç", 100))); // JSON escapes: up to 6 bytes a character
        var notice = new ChangeNotice(LongestInstanceId, ChangeKind.Created, ContactIdRanges.Format(ids), long.MaxValue, Door.Rest, who);

        Assert.True(Encoding.UTF8.GetByteCount(notice.ToPayload()) < 7_500, $"{Encoding.UTF8.GetByteCount(notice.ToPayload())} bytes");
        Assert.Equal(notice, ChangeNotice.TryRead(notice.ToPayload()));
    }

    [Fact]
    public void WhoIsCutBeforeACharacterItWouldSplit()
    {
        Assert.Equal(new string('x', 199), ChangeNotice.ShortWho(new string('x', 199) + "😀😀"));
        Assert.Equal(new string('x', 200), ChangeNotice.ShortWho(new string('x', 300)));
        Assert.Equal("ana", ChangeNotice.ShortWho("ana"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"from":"","kind":"Created","ids":"1","door":"Rest"}""")]
    [InlineData("""{"from":"x","kind":"Resync","ids":"1","door":"Rest"}""")]
    [InlineData("""{"from":"x","kind":"Created","ids":"1-","door":"Rest"}""")]
    [InlineData("""{"from":"x","kind":"Created","ids":"1","door":"Fax"}""")]
    public void APayloadThatIsNotANoticeReadsAsNone(string payload) => Assert.Null(ChangeNotice.TryRead(payload));

    [Fact]
    public async Task OnSqliteNoListenerRunsAndTheFeedSaysThereIsOneInstance()
    {
        await using var sqlite = await SqliteStore.OpenAsync();
        var services = sqlite.Services;

        Assert.Empty(services.GetServices<IHostedService>());
        Assert.Equal(ChangeFeedState.OneInstance, services.GetRequiredService<ChangeFeedStatus>().Current.State);
        Assert.False(services.GetRequiredService<IChangeAnnouncer>().Announces);
    }
}
