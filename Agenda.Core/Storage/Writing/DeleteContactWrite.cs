using Agenda.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Agenda.Core.Storage.Writing;

/// <summary>Deletes a contact; with an expected version, another version is a conflict (see <see cref="EditContactWrite"/>).</summary>
internal sealed class DeleteContactWrite(long id, long? expectedVersion, WriteOrigin origin) : PendingWrite<bool>(origin)
{
    private const int Attempts = 10;

    private long _deletedVersion;

    public override long? NamedId => id;

    protected override ValueTask JudgeAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.Find(id) is not { } row) Refuse(() => new ContactNotFoundException(id));
        else if (expectedVersion is { } expected && expected != row.Version)
        {
            var version = row.Version;
            Refuse(() => new ContactVersionConflictException(id, expected, version));
        }
        else
        {
            _deletedVersion = row.Version;
            batch.Delete(row);
        }
        return ValueTask.CompletedTask;
    }

    protected override IReadOnlyList<ContactChange> Sealed()
    {
        Result = true;
        return [new ContactChange(id, ChangeKind.Deleted, _deletedVersion, Origin.Door, null, Origin.Who)];
    }

    public override async Task<bool> RetryAfterAsync(DbUpdateException failure, int attempt, StoreParts parts, CancellationToken ct)
    {
        if (failure is DbUpdateConcurrencyException && expectedVersion is null && attempt < Attempts) return true;
        if (failure is DbUpdateConcurrencyException && expectedVersion is { } expected)
        {
            var actual = await parts.VersionAsync(id, ct);
            Refuse(actual is { } version ? () => new ContactVersionConflictException(id, expected, version) : () => new ContactNotFoundException(id));
        }
        else Fail(failure);
        return false;
    }
}
