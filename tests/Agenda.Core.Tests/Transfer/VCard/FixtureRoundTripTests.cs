using System.Text;
using Agenda.Core.Contacts;
using Agenda.Core.Transfer;
using Agenda.Core.VCards;

namespace Agenda.Core.Tests.Transfer.VCard;

/// <summary>Import, export and import again: nothing lost, kept extras included, through the real store as well.</summary>
public class FixtureRoundTripTests
{
    public static TheoryData<string, VCardVersion> FixturesAndVersions()
    {
        var data = new TheoryData<string, VCardVersion>();
        foreach (var name in TransferFixtures.Names)
            foreach (var version in new[] { VCardVersion.V4, VCardVersion.V3 }) data.Add(name, version);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndVersions))]
    public async Task ExportingAndImportingAgainGivesEqualCards(string fixture, VCardVersion version)
    {
        var first = TransferFixtures.Import(TransferFixtures.Bytes(fixture));
        var again = TransferFixtures.Import(await TransferFixtures.ExportAsync(first, version));
        Assert.Equal(TransferFixtures.Json(first), TransferFixtures.Json(again));
        Assert.Equal(first, again);
    }

    [Theory]
    [MemberData(nameof(FixturesAndVersions))]
    public async Task StoredContactsExportedAndImportedAgainAreUnchanged(string fixture, VCardVersion version)
    {
        await using var db = await SqliteStore.OpenAsync();
        var importer = new ContactImporter(db.Store);
        var format = version == VCardVersion.V4 ? ContactFileFormats.VCard : ContactFileFormats.VCard3;
        var first = await importer.ImportAsync(format, TransferFixtures.Bytes(fixture), dryRun: false, Door.Rest);
        Assert.Empty(first.Skipped);
        Assert.True(first.Imported > 0);

        var export = new StringWriter();
        await importer.ExportAsync(format, null, export);
        var again = await importer.ImportAsync(format, Encoding.UTF8.GetBytes(export.ToString()), dryRun: false, Door.Rest);
        Assert.Equal((0, 0, first.Imported), (again.Imported, again.Updated, again.Unchanged));
        Assert.Empty(again.Skipped);
    }
}
