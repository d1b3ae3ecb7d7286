namespace Agenda.Core.Naming;

/// <summary>The <c>Instances</c> table's writes, for <see cref="InstanceLeaseKeeper"/>: the SQL, without the timing.</summary>
/// <exception cref="SharedNamesUnavailableException">Every method, when the database does not answer.</exception>
internal interface IInstanceLeases
{
    /// <summary>
    /// Inserts the instance's row; false when another instance holds its name. With <paramref name="takeOver"/> a row
    /// of the same name (a previous incarnation, typically killed) is deleted first, and with it everything it owned.
    /// </summary>
    Task<bool> JoinAsync(InstanceStatus instance, bool takeOver, CancellationToken ct = default);

    /// <summary>Extends the lease; false when the row is gone (swept after a lapse, or taken over).</summary>
    Task<bool> RenewAsync(string id, DateTime now, DateTime expiresAt, CancellationToken ct = default);

    /// <summary>Deletes the row, and with it everything the instance owns, in one statement.</summary>
    Task LeaveAsync(string id, CancellationToken ct = default);

    /// <summary>Deletes the rows whose lease lapsed by <paramref name="now"/> (and their names); returns how many.</summary>
    Task<int> SweepAsync(DateTime now, CancellationToken ct = default);
}
